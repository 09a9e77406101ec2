import { describe, expect, it } from 'vitest';
import { formatNumber, hours, personHours } from '../../src/render/figures.js';

describe('figures', () => {
  it('writes person-hours as the page writes every other figure, and charts take the number', () => {
    expect(personHours(150060)).toBe('2,501.0');
    expect(formatNumber(2499.5)).toBe('2,499.5');
    expect(personHours(57)).toBe('0.9');
    expect(hours(150060)).toBe(2501);
    expect(hours(57)).toBe(0.9);
  });
});
