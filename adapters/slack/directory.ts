import type { webApi } from '@slack/bolt';
import { textField } from '../common/read-by-type.js';
import { TtlCache } from '../common/ttl-cache.js';
import { honouringRetryAfter } from './web-client.js';

export interface SlackChannel {
  /** Unknown when the app may not read the channel's info (e.g. a private channel without groups:read). */
  name?: string;
  /** Everyone in the channel but the bot. */
  members: string[];
}

export interface SlackUser {
  id: string;
  name?: string;
  /** IANA time zone from the user's profile. */
  tz?: string;
  /** A workspace admin or owner in Slack, or listed in `admins.slack`. */
  isAdmin: boolean;
}

/**
 * Channel members and user profiles from the Web API (conversations.members, conversations.info,
 * users.info), cached for `ttlMs` so a busy channel costs a few calls an interval, not one per message.
 */
export class SlackDirectory {
  private readonly channels: TtlCache<SlackChannel>;
  private readonly users: TtlCache<SlackUser>;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly admins: readonly string[],
    ttlMs: number,
    /** The bot's own user id once known: a member of its channels but no recipient of anyone's demands. */
    private readonly self: () => string | undefined = () => undefined,
  ) {
    this.channels = new TtlCache(ttlMs);
    this.users = new TtlCache(ttlMs);
  }

  channel(id: string): Promise<SlackChannel> {
    return this.channels.get(id, async () => {
      const [members, info] = await Promise.allSettled([this.members(id), honouringRetryAfter(() => this.client.conversations.info({ channel: id }))]);
      if (members.status === 'rejected') throw members.reason;
      return { name: info.status === 'fulfilled' ? textField(info.value.channel?.name) : undefined, members: members.value };
    });
  }

  user(id: string): Promise<SlackUser> {
    return this.users.get(id, async () => {
      const { user } = await honouringRetryAfter(() => this.client.users.info({ user: id }));
      // Each field by its type: is_admin "false" is truthy, and an object name would be stored as JSON.
      const name = textField(user?.profile?.display_name) ?? textField(user?.real_name) ?? textField(user?.name);
      const isAdmin = this.isConfiguredAdmin(id) || user?.is_admin === true || user?.is_owner === true;
      return { id, name, tz: textField(user?.tz), isAdmin };
    });
  }

  /** What the last channel lookup found (however old), without calling the Web API. */
  cachedChannel(id: string): SlackChannel | undefined {
    return this.channels.peek(id);
  }

  /** What the last profile lookup found (however old), without calling the Web API. */
  cachedUser(id: string): SlackUser | undefined {
    return this.users.peek(id);
  }

  /** Admins named in the config: known without a lookup, so they keep their rights when users.info fails. */
  isConfiguredAdmin(userId: string): boolean {
    return this.admins.includes(userId);
  }

  async isAdmin(userId: string): Promise<boolean> {
    return this.isConfiguredAdmin(userId) || (await this.user(userId)).isAdmin;
  }

  private async members(channel: string): Promise<string[]> {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await honouringRetryAfter(() => this.client.conversations.members({ channel, limit: 1000, cursor }));
      const ids: unknown = page.members ?? [];
      // No list is no member count (the lookup fails, and is logged), not one of 0.
      if (!Array.isArray(ids)) throw new Error(`conversations.members ${channel} gave members that are no list`);
      all.push(...ids.filter((m): m is string => textField(m) !== undefined && m !== this.self()));
      cursor = textField(page.response_metadata?.next_cursor);
    } while (cursor);
    return all;
  }
}
