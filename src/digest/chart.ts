import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Lang } from '../core/lang.js';
import { barChart } from '../render/charts/bar-chart.js';
import { columnChart } from '../render/charts/column-chart.js';
import { formatHours, hours } from '../core/figures.js';
import type { Digest } from './digest.js';
import { categoryLabel, TEXTS } from './texts.js';

const WIDTH = 640;
type Fonts = NonNullable<ResvgRenderOptions['font']>;
const SYSTEM_FONTS: Fonts = { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };
const heightOf = (svg: string): number => Number(/height="(\d+)"/.exec(svg)![1]);

/** The week's burden by category over the trend, as one SVG of the report's own two charts stacked. */
export function digestChartSvg(d: Digest, lang: Lang): string {
  const t = TEXTS[lang];
  const bars = barChart(
    d.categories.map((c) => ({ label: categoryLabel(c, lang), value: hours(c.personMinutes) })),
    { title: t.chartByCategory(d.week), unit: t.chartUnit, width: WIDTH, format: formatHours },
  );
  const columns = columnChart(
    d.trend.map((w) => ({ label: t.weekLabel(w.week), value: hours(w.personMinutes) })),
    { title: t.chartTrend(d.trend.length), width: WIDTH, height: 220, format: formatHours },
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

const probed = new WeakMap<Fonts, boolean>();

/** Whether these fonts draw a Chinese character: resvg leaves out a glyph no font has, so the probe's pixels tell. */
function drawsChinese(font: Fonts): boolean {
  let draws = probed.get(font);
  if (draws === undefined) {
    const probe = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text x="0" y="28" font-size="28">中</text></svg>';
    draws = new Resvg(probe, { font }).render().pixels.some((v, i) => i % 4 === 3 && v > 0);
    probed.set(font, draws);
  }
  return draws;
}

/**
 * The chart's language: the digest's, but English where these fonts draw no Chinese (a server with
 * no CJK font), since bars with English labels say more than bars with none.
 */
export function chartLanguage(lang: Lang, font: Fonts = SYSTEM_FONTS): Lang {
  return lang === 'zh' && !drawsChinese(font) ? 'en' : lang;
}

/** The chart as PNG, for adapters that can attach an image; the title has no extension (adapters add ".png"). */
export function digestChartPng(d: Digest, font: Fonts = SYSTEM_FONTS): { png: Buffer; title: string } {
  const png = new Resvg(digestChartSvg(d, chartLanguage(d.lang, font)), { font, background: '#ffffff' }).render().asPng();
  return { png, title: `fingertip-digest-${d.week}` };
}
