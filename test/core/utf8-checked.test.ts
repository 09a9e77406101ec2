import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { utf8Checked } from '../../src/core/utf8-checked.js';

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
