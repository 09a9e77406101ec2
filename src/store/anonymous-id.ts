import { randomBytes } from 'node:crypto';

/** An id that stands for a person without saying who: fresh random bytes, kept nowhere with their id. */
export function anonymousId(): string {
  return `anon-${randomBytes(6).toString('hex')}`;
}
