import { describe, expect, it } from 'vitest';
import { formatHours, formatNumber, hours, personHours } from '../../src/core/figures.js';

describe('figures', () => {
  it('writes person-hours as the page writes every other figure, and charts take the number', () => {
    expect(personHours(150060)).toBe('2,501.0');
    expect(formatNumber(2499.5)).toBe('2,499.5');
    expect(personHours(54)).toBe('0.9');
    expect(hours(150060)).toBe(2501);
    expect(hours(54)).toBe(0.9);
    expect([formatHours(1), formatHours(0), formatHours(1416.4)]).toEqual(['1.0', '0.0', '1,416.4']);
  });

  it('rounds every half a tenth of an hour up, whether or not it is exact in binary', () => {
    expect([9, 15, 21, 57, 99, 195].map(hours)).toEqual([0.2, 0.3, 0.4, 1, 1.7, 3.3]);
    expect([9, 15, 21, 57, 99, 195].map(personHours)).toEqual(['0.2', '0.3', '0.4', '1.0', '1.7', '3.3']);
  });
});
