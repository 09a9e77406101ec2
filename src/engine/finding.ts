import type { Category } from '../taxonomy/categories.js';

/** One rule's hit on one message. `span` counts UTF-16 code units of the original text, end exclusive. */
export interface Finding {
  rule: string;
  category: Category;
  span: [number, number];
  match: string;
}

/** The result of classifying one message: sorted categories without repeats, and the findings behind them. */
export interface Classification {
  categories: Category[];
  findings: Finding[];
}
