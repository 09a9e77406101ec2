import { escapeHtml } from '../escape.js';
import { formatNumber } from '../../core/figures.js';

export interface Column {
  /** Shown under the column, e.g. "11-23" for a day. */
  label: string;
  value: number;
}

export interface ColumnChartOptions {
  title: string;
  width?: number;
  height?: number;
  color?: string;
  /** How a value is written (the maximum, each column's tooltip). Default formatNumber. */
  format?: (value: number) => string;
}

const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';

/**
 * Vertical columns over a sequence (demands per day or week), with a zero line and the maximum marked,
 * as a standalone SVG string. Labels thin out when there are many columns so they never overlap.
 */
export function columnChart(columns: readonly Column[], options: ColumnChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const format = options.format ?? formatNumber;
  const left = 48;
  const right = 12;
  const top = 40;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(0, ...columns.map((c) => c.value));
  const step = columns.length > 0 ? plotW / columns.length : plotW;
  // A label takes about 7 px a character at 11 px: 2026-11-23 needs more room than 11-23.
  const slot = Math.max(48, 8 + 7 * Math.max(0, ...columns.map((c) => c.label.length)));
  const every = Math.max(1, Math.ceil(columns.length / Math.floor(plotW / slot)));
  const color = options.color ?? '#337ab7';
  const label = (c: Column, i: number): string =>
    i % every === 0
      ? `<text x="${(left + i * step + step / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#555">${escapeHtml(c.label)}</text>`
      : '';
  const parts = columns.map((c, i) => {
    const x = left + i * step;
    const h = max > 0 ? (c.value / max) * plotH : 0;
    const bar = `<rect x="${(x + step * 0.15).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${escapeHtml(`${c.label}: ${format(c.value)}`)}</title></rect>`;
    return bar + label(c, i);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} role="img" aria-label="${escapeHtml(options.title)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="12" y="24" font-size="15" font-weight="bold" fill="#222">${escapeHtml(options.title)}</text>` +
    `<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="#999"/>` +
    `<line x1="${left}" y1="${top}" x2="${width - right}" y2="${top}" stroke="#eee"/>` +
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" font-size="11" fill="#555">${escapeHtml(format(max))}</text>` +
    `<text x="${left - 6}" y="${top + plotH + 4}" text-anchor="end" font-size="11" fill="#555">0</text>` +
    parts.join('') +
    `</svg>`
  );
}
