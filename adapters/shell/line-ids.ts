import { createHash } from 'node:crypto';

/**
 * Message ids for the lines of one input: the line's number (every line counts, blank ones too) and a
 * hash chained over the input up to and including that line, as `17-<16 chars>`. Fed the same input
 * again (rerun after a crash), each line gets the id it had before and the store, which keeps a
 * message once per id, stores nothing twice; another input's lines get other ids from its first line
 * that differs on, though a line of it reads the same at the same place. `seed` sets them apart
 * where every run must count as new (a terminal session).
 */
export class LineIds {
  private chain: Buffer;
  private count = 0;

  constructor(seed = '') {
    this.chain = createHash('sha256').update(seed).digest();
  }

  /** The id of the next line of input. */
  next(line: string): string {
    this.chain = createHash('sha256').update(this.chain).update(line).digest();
    return `${++this.count}-${this.chain.toString('base64url', 0, 12)}`;
  }
}
