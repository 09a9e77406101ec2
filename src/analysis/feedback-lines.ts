import type { Category } from '../core/categories.js';
import { normalizeInto } from '../engine/normalize.js';
import { textLang } from '../engine/model/text-lang.js';
import type { FalsePositive } from '../store/store.js';

/** A corrected message as a labelled line in the corpus's format (corpus/README.md), for `npm run train -- --add`. */
export interface FeedbackLine {
  id: string;
  lang: string;
  text: string;
  labels: Category[];
  genre: 'feedback';
}

export interface FeedbackLines {
  lines: FeedbackLine[];
  /** Messages left out: their sender was forgotten, so no text is kept. */
  withoutText: number;
  /** Messages left out: purged, and corrected for one rule only, so what else they demand is unknown. */
  unknownLabels: number;
}

/**
 * One line per corrected message, labelled with what it is still flagged for: the categories members
 * did not dispute. A purged message is still known to demand nothing when a feedback dropped all of
 * its findings.
 */
export function feedbackLines(feedback: readonly FalsePositive[]): FeedbackLines {
  const byMessage = new Map<string, FalsePositive[]>();
  for (const f of feedback) {
    const key = `${f.platform}/${f.messageId}`;
    const rows = byMessage.get(key);
    if (rows) rows.push(f);
    else byMessage.set(key, [f]);
  }
  const out: FeedbackLines = { lines: [], withoutText: 0, unknownLabels: 0 };
  for (const [id, rows] of byMessage) {
    const text = rows.find((r) => r.text !== null)?.text ?? undefined;
    const labels = rows[0].flaggedFor ?? (rows.some((r) => r.rule === null) ? [] : undefined);
    if (text === undefined) out.withoutText++;
    else if (labels === undefined) out.unknownLabels++;
    else out.lines.push({ id, lang: textLang(normalizeInto(text)), text, labels: [...labels].sort(), genre: 'feedback' });
  }
  return out;
}
