/** A conversation's session webhook: answers it without a token until it expires. */
interface Session {
  url: string;
  expires: number;
}

/** Margin before expiry within which a webhook is no longer trusted: the post itself takes time. */
const MARGIN_MS = 60_000;

/** The latest session webhook of each conversation (a group, or a single chat keyed by user). */
export class SessionWebhooks {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A webhook that is no text, or no time, is not kept: it would displace a good one and fail every answer. */
  remember(key: string, url: unknown, expires: unknown): void {
    if (typeof url !== 'string' || !url || typeof expires !== 'number' || !Number.isFinite(expires)) return;
    const known = this.sessions.get(key);
    if (!known || known.expires <= expires) this.sessions.set(key, { url, expires });
  }

  /** The webhook while it is still good for a while; undefined once it has (nearly) expired. */
  usable(key: string): string | undefined {
    const s = this.sessions.get(key);
    if (!s) return undefined;
    if (s.expires - MARGIN_MS > this.now()) return s.url;
    this.sessions.delete(key);
    return undefined;
  }
}
