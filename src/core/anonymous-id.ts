import { randomBytes } from 'node:crypto';

/** An id that stands for a person without saying who: fresh random bytes, kept nowhere with their id. */
export function anonymousId(): string {
  return `${PREFIX}${randomBytes(6).toString('hex')}`;
}

const PREFIX = 'anon-';

/** Whether a stored sender is one of those ids: someone who opted out or was forgotten. */
export function isAnonymousId(id: string): boolean {
  return id.startsWith(PREFIX);
}
