import type { Finding } from '../core/finding.js';

export interface Segment {
  text: string;
  /** The rule ids of the findings covering this segment; empty for unmatched text. */
  rules: string[];
}

/**
 * Splits a message into plain and matched segments by its findings' spans (UTF-16 units, end
 * exclusive), so renderers can mark what each rule matched. Overlapping findings merge into one
 * segment that names every rule; spans outside the text are clipped.
 */
export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .map((f) => ({ start: Math.max(0, f.span[0]), end: Math.min(text.length, f.span[1]), rule: f.rule }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let pos = 0;
  for (let i = 0; i < spans.length;) {
    const start = spans[i].start;
    let end = spans[i].end;
    const rules = new Set<string>();
    for (; i < spans.length && spans[i].start < end; i++) {
      end = Math.max(end, spans[i].end);
      rules.add(spans[i].rule);
    }
    if (start > pos) out.push({ text: text.slice(pos, start), rules: [] });
    out.push({ text: text.slice(Math.max(pos, start), end), rules: [...rules] });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), rules: [] });
  return out;
}
