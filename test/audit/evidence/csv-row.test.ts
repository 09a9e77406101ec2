import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvRow } from '../../../src/audit/evidence/csv-row.js';

describe('csvRow', () => {
  it('quotes what needs it and reads back through a CSV parser unchanged', () => {
    const fields = ['plain', 'a,b', 'say "收到"', 'two\nlines', 12];
    const row = csvRow(fields);
    expect(row).toBe('plain,"a,b","say ""收到""","two\nlines",12\r\n');
    expect(parse(row)).toEqual([fields.map(String)]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvRow(['=HYPERLINK("x")', '+1', '-', '@all', 'ok'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-,'@all,ok\r\n`);
  });
});
