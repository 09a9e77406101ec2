/** One replacement made in a text: its code units [start, end) became `length` others. */
export interface Replacement {
  start: number;
  end: number;
  length: number;
}

/**
 * Where a span [start, end) of a text (UTF-16 units, end exclusive) lies once `replacements` (in
 * text order, apart) are made: moved by what the replacements before it added or took away. A span
 * that reaches into a replacement covers all of what replaced it: half a pseudonym marked would say
 * nothing, and leaving it unmarked would hide what the rule matched there.
 */
export function remapSpan(span: readonly [number, number], replacements: readonly Replacement[]): [number, number] {
  return [moved(span[0], replacements, false), moved(span[1], replacements, true)];
}

/** A position once the replacements are made; one inside a replacement goes to the replacement's start, or with `toEnd` its end. */
function moved(position: number, replacements: readonly Replacement[], toEnd: boolean): number {
  let shift = 0;
  for (const r of replacements) {
    if (r.start >= position) break;
    if (r.end > position) return r.start + shift + (toEnd ? r.length : 0);
    shift += r.length - (r.end - r.start);
  }
  return position + shift;
}
