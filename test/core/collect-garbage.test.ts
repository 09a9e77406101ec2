import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what nothing holds any more, at once', async () => {
    const ref = new WeakRef(Array.from({ length: 1000 }, () => new Array<number>(100).fill(1)));
    // A WeakRef keeps its target until the job that made or read it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves the program without a global gc', () => {
    collectGarbage();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
