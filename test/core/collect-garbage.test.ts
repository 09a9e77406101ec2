import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/collect-garbage.js';

/** A WeakRef to garbage, read after the job that made it ended: until then it keeps its target. */
async function garbage(): Promise<WeakRef<object>> {
  const ref = new WeakRef(Array.from({ length: 1000 }, () => new Array<number>(100).fill(1)));
  await new Promise((resolve) => setImmediate(resolve));
  return ref;
}

describe('collectGarbage', () => {
  const start = 1_000_000_000_000;

  it('frees what nothing holds any more, at once, and again a minute later, not sooner', async () => {
    let ref = await garbage();
    collectGarbage(start);
    expect(ref.deref()).toBeUndefined();
    ref = await garbage();
    collectGarbage(start + 1_000);
    expect(ref.deref()).toBeDefined();
    await new Promise((resolve) => setImmediate(resolve)); // reading it kept it for this job too
    collectGarbage(start + 60_000);
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves the program without a global gc', () => {
    collectGarbage(start + 120_000);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
