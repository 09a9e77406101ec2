import { escapeHtml } from '../escape.js';
import { formatNumber } from '../../core/figures.js';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartOptions {
  title: string;
  /** Appended to each value label, e.g. "person-h". */
  unit?: string;
  /** How a value is written: person-hours as the tables beside the chart write them. Default formatNumber. */
  format?: (value: number) => string;
  width?: number;
  color?: string;
}

const ROW = 26;
const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';

/**
 * Horizontal bars, one row per item, as a standalone SVG string (inline in HTML, or rendered to PNG
 * by resvg for the digest): no external fonts, images or scripts.
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const labelWidth = 170;
  const valueWidth = 110;
  const plot = width - labelWidth - valueWidth - 20;
  const top = 40;
  const height = top + bars.length * ROW + 16;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const color = options.color ?? '#d9534f';
  const rows = bars.map((b, i) => {
    const y = top + i * ROW;
    const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot) : 0;
    const value = `${(options.format ?? formatNumber)(b.value)}${options.unit ? ` ${options.unit}` : ''}`;
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="#333">${escapeHtml(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW - 8}" rx="3" fill="${color}"/>` +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}" font-size="12" fill="#555">${escapeHtml(value)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeHtml(options.title)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="12" y="24" font-size="15" font-weight="bold" fill="#222">${escapeHtml(options.title)}</text>` +
    rows.join('') +
    `</svg>`
  );
}
