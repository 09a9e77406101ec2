import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { csvOversized } from '../../../src/audit/readers/csv-oversized.js';

const MAX = 200;

/** The rows csv-parse reads (first field and the line it names) and the lines told oversized, the bytes fed `size` at a time. */
async function read(csv: string, size: number, cap: boolean): Promise<{ rows: string[]; oversized: number[] }> {
  const bytes = Buffer.from(csv);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const rows: string[] = [];
  const oversized: number[] = [];
  const parser = parse({ columns: true, bom: true, info: true, skip_empty_lines: true });
  const stage = cap
    ? csvOversized(
        MAX,
        (line) => oversized.push(line),
        (line) => new Error(`header at ${line}`),
      )
    : new PassThrough();
  const collect = async (records: AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) => {
    for await (const { record, info } of records) rows.push(`${record.id}@${info.lines}`);
  };
  await pipeline(Readable.from(chunks), stage, parser, collect);
  return { rows, oversized };
}

describe('csvOversized', () => {
  // Row 2 is quoted and spans lines (LF, CRLF, an escaped quote); the rows after it span lines too.
  const file = (eol: string, text2: string) => `\uFEFFid,text,n${eol}1,"a${eol}b",x${eol}2,"${text2}",y${eol}3,"c""${eol}d",z${eol}${eol}4,e,w${eol}`;
  const inner = (fill: string) => `q\n""${fill}\r\nr, ""s""\rt`;

  for (const eol of ['\n', '\r\n']) {
    it(`leaves out a record over the cap, every other row read and named by the line csv-parse gives it (${JSON.stringify(eol)})`, async () => {
      // The same rows with row 2 small: the lines csv-parse names them by.
      const expected = await read(file(eol, inner('')), 1 << 20, false);
      expect(expected.rows.map((r) => r.split('@')[0])).toEqual(['1', '2', '3', '4']);
      const line2 = Number(expected.rows[1].split('@')[1]);
      const big = file(eol, inner('啊'.repeat(MAX)));
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        const got = await read(big, size, true);
        expect(got, `chunks of ${size}`).toEqual({ rows: expected.rows.filter((r) => !r.startsWith('2@')), oversized: [line2] });
      }
      // Records under the cap pass as they are.
      expect(await read(file(eol, inner('啊'.repeat(20))), 5, true)).toEqual(await read(file(eol, inner('啊'.repeat(20))), 5, false));
    });
  }

  it('tells an oversized last record without a line break, and refuses an oversized header', async () => {
    expect(await read(`id,text\n1,a\n2,"${'x'.repeat(MAX)}`, 16, true)).toEqual({ rows: ['1@2'], oversized: [3] });
    await expect(read(`id,${'x'.repeat(MAX)}\n1,a\n`, 16, true)).rejects.toThrow('header at 1');
  });
});
