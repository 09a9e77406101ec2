import type { Category } from '../core/categories.js';
import { normalize, normalizeInto } from '../engine/normalize.js';
import { textLang } from '../engine/model/text-lang.js';
import type { FalsePositive, MissedDemand } from '../store/store.js';

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
  /** Of the lines, messages members reported missed. */
  missed: number;
  /** Messages left out: their sender was forgotten, so no text is kept. */
  withoutText: number;
  /** Messages left out: purged, and corrected for one rule only, so what else they demand is unknown. */
  unknownLabels: number;
  /** Messages left out: the same text with the same labels as a line already kept (one notice posted in many groups). */
  repeats: number;
}

/**
 * One line per corrected message. A message marked "not formalism" is labelled with what it is still
 * flagged for: the categories members did not dispute. A purged message is still known to demand
 * nothing when a feedback dropped all of its findings. A message reported missed is labelled with
 * every category reporters named, and what it is flagged for besides. A message whose text (as the
 * engine normalises it) and labels repeat a line already made is left out.
 */
export function feedbackLines(feedback: readonly FalsePositive[], missed: readonly MissedDemand[] = []): FeedbackLines {
  const out: FeedbackLines = { lines: [], missed: 0, withoutText: 0, unknownLabels: 0, repeats: 0 };
  const line = (id: string, text: string, labels: Iterable<Category>): FeedbackLine => ({
    id,
    lang: textLang(normalizeInto(text)),
    text,
    labels: [...new Set(labels)].sort(),
    genre: 'feedback',
  });
  const byId = new Map<string, FeedbackLine>();
  const reported = new Set<string>();
  for (const [id, rows] of grouped(feedback)) {
    const text = rows.find((r) => r.text !== null)?.text ?? undefined;
    const labels = rows[0].flaggedFor ?? (rows.some((r) => r.rule === null) ? [] : undefined);
    if (text === undefined) out.withoutText++;
    else if (labels === undefined) out.unknownLabels++;
    else byId.set(id, line(id, text, labels));
  }
  for (const [id, rows] of grouped(missed)) {
    const text = rows.find((r) => r.text !== null)?.text ?? byId.get(id)?.text;
    if (text === undefined) {
      out.withoutText++;
      continue;
    }
    const named = rows.flatMap((r) => r.categories);
    byId.set(id, line(id, text, [...named, ...(rows[0].flaggedFor ?? []), ...(byId.get(id)?.labels ?? [])]));
    reported.add(id);
  }
  // A notice forwarded into eighteen groups and corrected in each would otherwise train as eighteen
  // lines: one text would weigh as much as eighteen different messages.
  const seen = new Set<string>();
  for (const l of byId.values()) {
    const key = `${normalize(l.text)}\u0000${l.labels.join()}`;
    if (seen.has(key)) out.repeats++;
    else {
      seen.add(key);
      out.lines.push(l);
      if (reported.has(l.id)) out.missed++;
    }
  }
  return out;
}

/** Rows by the message they are about, in first-seen order. */
function grouped<T extends { platform: string; messageId: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const key = `${r.platform}/${r.messageId}`;
    const list = by.get(key);
    if (list) list.push(r);
    else by.set(key, [r]);
  }
  return by;
}
