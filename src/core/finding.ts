import type { Category } from './categories.js';

/** One cue of the learned stage: words of the message and how far they pushed toward the category. */
export interface Cue {
  span: [number, number];
  match: string;
  weight: number;
}

/**
 * One rule's hit on one message, or the learned stage's (`rule` is then `model/<category>`).
 * `span` counts UTF-16 code units of the original text, end exclusive.
 */
export interface Finding {
  rule: string;
  category: Category;
  span: [number, number];
  match: string;
  /** The model's probability for the category, where the model judged this finding. */
  score?: number;
  /** For a model finding: its strongest cues, strongest first (the first is `span`/`match`). */
  cues?: Cue[];
}

/** The result of classifying one message: sorted categories without repeats, and the findings behind them. */
export interface Classification {
  categories: Category[];
  findings: Finding[];
  /** Rule findings the learned stage overruled (absent when it overruled none). */
  vetoed?: Finding[];
}
