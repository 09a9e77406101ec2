import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { ProgressBar } from '../../src/audit/progress.js';

describe('ProgressBar', () => {
  it('draws the share of bytes read and the messages seen, at most every 100 ms, and clears itself', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (d: Buffer) => (written += d.toString()));
    let now = 1000;
    const bar = new ProgressBar(out, () => now);
    bar.expect(200);
    bar.advance(50);
    for (let i = 0; i < 4096; i++) bar.message();
    now += 50;
    bar.advance(50); // too soon: not drawn
    now += 100;
    bar.advance(100);
    bar.clear();
    const frames = written.split('\r\x1b[K').filter(Boolean);
    expect(frames).toEqual([`audit ▕${'█'.repeat(8)}${'░'.repeat(22)}▏  25%  0 messages`, `audit ▕${'█'.repeat(30)}▏ 100%  4,096 messages`]);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });
});
