import { describe, expect, it } from 'vitest';
import { parseJsonLine } from '../../src/core/json-line.js';

describe('parseJsonLine', () => {
  it('keeps every digit of an id past 2^53, as a string, and leaves the rest as JSON reads it', () => {
    const line =
      '{"id":7263849876543210987,"members":[-7263849876543210986, 12],"ts":1795000000,"x":12345678901234567.5,"text":"id 7263849876543210987 \\"quoted\\""}';
    expect(parseJsonLine(line)).toEqual({
      id: '7263849876543210987',
      members: ['-7263849876543210986', 12],
      ts: 1795000000,
      x: JSON.parse('12345678901234567.5') as number,
      text: 'id 7263849876543210987 "quoted"',
    });
    expect(() => parseJsonLine('{"id":7263849876543210987')).toThrow(SyntaxError);
  });

  it('finds a long integer wherever it stands in the line, after digit runs of any length', () => {
    // The scan for 16 digits skips ahead; every offset and every shorter run of digits before it.
    for (let pad = 0; pad < 40; pad++) {
      for (const digits of [16, 17, 19]) {
        const id = '9'.repeat(digits - 1) + '1';
        const text = `${'7'.repeat(pad % 16)}${'x'.repeat(pad)}`;
        const line = `{"text":"${text}","n":${'8'.repeat(pad % 16) || 0},"id":${id}}`;
        expect(parseJsonLine(line), line).toEqual({ text, n: Number('8'.repeat(pad % 16) || 0), id });
      }
    }
    expect(parseJsonLine('7263849876543210987')).toBe('7263849876543210987');
    expect(parseJsonLine('[726384987654321,0]')).toEqual([726384987654321, 0]);
  });
});
