import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { brokenUtf8Line, utf8Checked } from '../../src/core/utf8-checked.js';

async function through(chunks: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const b of Readable.from(chunks).pipe(utf8Checked((line) => new Error(`line ${line}`)))) out.push(b as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('utf8Checked', () => {
  it('passes UTF-8 through unchanged, a character split across chunks included', async () => {
    const text = Buffer.from('第一行\n打卡 ✅ 𠀀\n');
    const chunks = [...text].map((b) => Buffer.from([b])); // one byte a chunk: every character split
    expect(await through(chunks)).toBe('第一行\n打卡 ✅ 𠀀\n');
  });

  it('fails naming the line where the bytes stop being UTF-8, and on a character cut off at the end', async () => {
    await expect(through([Buffer.from('a\nb\n'), Buffer.from([0x63, 0x0a, 0xc7, 0xeb, 0x0a])])).rejects.toThrow('line 4');
    await expect(through([Buffer.from('a\n'), Buffer.from([0xe6, 0x89])])).rejects.toThrow('line 2');
  });
});

describe('brokenUtf8Line', () => {
  it('names the line of a surrogate written as CESU-8, an overlong form or a code point past U+10FFFF', () => {
    const on2 = (bad: number[]) => Buffer.concat([Buffer.from('a\nb'), Buffer.from(bad), Buffer.from('\nc\nd\n')]);
    expect(brokenUtf8Line(on2([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]))).toBe(2);
    expect(brokenUtf8Line(on2([0xe0, 0x80, 0xaf]))).toBe(2);
    expect(brokenUtf8Line(on2([0xf0, 0x80, 0x80, 0xaf]))).toBe(2);
    expect(brokenUtf8Line(on2([0xf4, 0x90, 0x80, 0x80]))).toBe(2);
    expect(brokenUtf8Line(Buffer.from('a\n打卡 𠀀 \u{10FFFF}\n'))).toBeUndefined();
  });
});
