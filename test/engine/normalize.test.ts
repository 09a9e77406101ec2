import { describe, expect, it } from 'vitest';
import { normalize, normalizeInto } from '../../src/engine/normalize.js';

describe('normalize', () => {
  it('folds full-width letters and digits, case and traditional characters', () => {
    expect(normalize('ＡＢＣ１２３ Hello')).toBe('abc123 hello');
    expect(normalize('請大家今晚十點前完成簽到')).toBe('请大家今晚十点前完成签到');
  });

  it('drops zero-width and bidi controls and folds white space runs', () => {
    expect(normalize('打\u200b卡\u202e了')).toBe('打卡了');
    expect(normalize('  a \t\n b\u3000c ')).toBe('a b c');
  });

  it('maps every normalised unit back to the original code point', () => {
    const text = 'Ａ\u200bB😀c';
    const nz = normalizeInto(text);
    const out = String.fromCharCode(...nz.units.subarray(0, nz.length));
    expect(out).toBe('ab😀c');
    // 'b' came from text[2], and the emoji's two units both map to [3, 5).
    expect([nz.start[1], nz.end[1]]).toEqual([2, 3]);
    expect([nz.start[2], nz.end[3]]).toEqual([3, 5]);
    expect([nz.start[4], nz.end[4]]).toEqual([5, 6]);
  });

  it('keeps lone surrogates and control characters without failing', () => {
    expect(normalize('a\ud800b')).toBe('a\ufffdb');
    expect(normalize('a\u0000\u0007b')).toBe('a b');
  });

  it('handles text longer than its initial buffers', () => {
    const long = '打卡'.repeat(50_000);
    expect(normalize(long).length).toBe(100_000);
  });

  it('reads a text again, after another and after its buffers grew, as the first time', () => {
    const text = 'ＡＢ 请打卡';
    const first = normalize(text);
    expect(normalize(text)).toBe(first);
    normalize('另一条消息');
    expect(normalize(text)).toBe(first);
    normalizeInto('打卡'.repeat(20_000)); // grows the shared buffers
    expect(normalize(text)).toBe(first);
  });
});
