import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { barChart } from '../../../src/render/charts/bar-chart.js';
import { columnChart } from '../../../src/render/charts/column-chart.js';
import { demandColumns } from '../../../src/render/charts/demand-columns.js';

describe('charts', () => {
  it('draws one bar per item, scaled to the largest, with escaped labels', () => {
    const svg = barChart(
      [
        { label: 'check-in', value: 10 },
        { label: '<x>', value: 5 },
        { label: 'none', value: 0 },
      ],
      { title: 'Burden & more', width: 640 },
    );
    const widths = [...svg.matchAll(/<rect x="170" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([340, 170, 0]);
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).toContain('Burden &amp; more');
  });

  it('draws columns per day and renders to PNG with resvg', () => {
    const svg = columnChart(
      Array.from({ length: 7 }, (_, i) => ({ label: `11-${23 + i}`, value: i * 3 })),
      { title: 'Demands per day' },
    );
    expect(svg.match(/<rect x=/g)).toHaveLength(7);
    const png = new Resvg(svg).render();
    expect(png.width).toBe(640);
    expect(png.asPng().subarray(1, 4).toString()).toBe('PNG');
    const empty = new Resvg(barChart([], { title: 'empty' })).render();
    expect(empty.height).toBeGreaterThan(0);
  });

  it('sums days into weeks from Monday, then months, then years, keeping at most 100 columns', () => {
    const daysFrom = (first: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ date: new Date(Date.parse(first) + i * 86_400_000).toISOString().slice(0, 10), messages: 1, demands: 1 }));
    // 2025-12-31 is a Wednesday: the first week holds 5 days, the next 7.
    const weeks = demandColumns(daysFrom('2025-12-31', 120));
    expect(weeks.period).toBe('week');
    expect(weeks.columns.slice(0, 2)).toEqual([
      { label: '2025-12-31', value: 5 },
      { label: '2026-01-05', value: 7 },
    ]);
    const months = demandColumns(daysFrom('2020-01-01', 4 * 365 + 1));
    expect(months.period).toBe('month');
    expect(months.columns).toHaveLength(48);
    expect(months.columns[1]).toEqual({ label: '2020-02', value: 29 });
    expect(demandColumns(daysFrom('2026-11-23', 7))).toEqual({
      period: 'day',
      columns: daysFrom('2026-11-23', 7).map((d) => ({ label: d.date.slice(5), value: 1 })),
    });
  });
});
