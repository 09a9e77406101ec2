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
});
