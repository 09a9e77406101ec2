import { describe, expect, it } from 'vitest';
import { REPORT_TEXTS } from '../../src/render/texts.js';

describe('REPORT_TEXTS', () => {
  it('writes the counts of derived findings with thousands separators, as every other figure of a report', () => {
    expect(REPORT_TEXTS.en.ackStorm(1234)).toBe('1,234 acknowledgements');
    expect(REPORT_TEXTS.zh.ackStorm(1234)).toBe('1,234 条“收到”');
    expect(REPORT_TEXTS.en.duplicates(2500)).toBe('Duplicate requests (2,500)');
    expect(REPORT_TEXTS.zh.duplicate(1200, '村委会群', '')).toBe('村委会群中有 1,200 条消息重复发出相同要求');
    expect(REPORT_TEXTS.en.skipped(1001)).toBe('1,001 broken entries were skipped (--skip-bad); the figures leave them out.');
  });
});
