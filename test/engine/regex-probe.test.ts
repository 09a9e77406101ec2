import { describe, expect, it } from 'vitest';
import { slowProbes } from '../../src/engine/regex-probe.js';

describe('slowProbes', () => {
  it('runs probes in one batch, tries the one a batch was cut on alone, and goes on with the rest', () => {
    // Fresh patterns each run, so no remembered pass answers for them.
    const fresh = Date.now().toString(36);
    const fast = { pattern: `打卡${fresh}a`, length: 1000 };
    const hang = { pattern: `(?:\\w|\\d){1,24}z${fresh}`, length: 2000 };
    const after = { pattern: `签到${fresh}b`, length: 1000 };
    expect([...slowProbes([fast, hang, after])]).toEqual([hang]);
    // Passed once, a probe is remembered: only the slow one is tried again.
    expect([...slowProbes([fast, after])]).toEqual([]);
  }, 60_000);

  it('passes patterns that match nothing past the start of a text: an anchor, a lookaround', () => {
    const fresh = Date.now().toString(36);
    const empty = ['(?:吧|啊)?$', '(?<=1)', '(?<=\\d)(?![\\d,])'].map((p) => ({ pattern: `${p}(?:${fresh})?`, length: 65_536 }));
    expect([...slowProbes(empty)]).toEqual([]);
  }, 60_000);
});
