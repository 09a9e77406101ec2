import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { barChart } from '../../../src/render/charts/bar-chart.js';
import { columnChart } from '../../../src/render/charts/column-chart.js';

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
});
