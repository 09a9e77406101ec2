import { Resvg } from '@resvg/resvg-js';
import { barChart } from '../render/charts/bar-chart.js';
import { columnChart } from '../render/charts/column-chart.js';
import { personHours } from '../render/figures.js';
import type { Digest } from './digest.js';

const WIDTH = 640;
const heightOf = (svg: string): number => Number(/height="(\d+)"/.exec(svg)![1]);

/**
 * The week's burden by category over the trend, as one SVG of the report's own two charts stacked.
 * Labels are ASCII (category ids, week numbers): the hosts that render it may have no CJK font.
 */
export function digestChartSvg(d: Digest): string {
  const bars = barChart(
    d.categories.map((c) => ({ label: c.category, value: Number(personHours(c.personMinutes)) })),
    { title: `${d.week}: person-hours by category`, unit: 'h', width: WIDTH },
  );
  const columns = columnChart(
    d.trend.map((w) => ({ label: w.week.slice(5), value: Number(personHours(w.personMinutes)) })),
    { title: `Person-hours, last ${d.trend.length} weeks`, width: WIDTH, height: 220 },
  );
  const top = heightOf(bars);
  const height = top + heightOf(columns);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    bars +
    columns.replace('<svg ', `<svg y="${top}" `) +
    `</svg>`
  );
}

/** The chart as PNG, for adapters that can attach an image; the title has no extension (adapters add ".png"). */
export function digestChartPng(d: Digest): { png: Buffer; title: string } {
  const svg = digestChartSvg(d);
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
  return { png, title: `fingertip-digest-${d.week}` };
}
