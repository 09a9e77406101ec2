import { CATEGORIES, type Category } from '../core/categories.js';

export interface Labelled {
  id: string;
  expected: string[];
  actual: string[];
}

export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  byCategory: Record<Category, CategoryScore>;
  micro: CategoryScore;
  /** Share of unlabelled (expected []) messages that got any category. */
  falsePositiveRate: number;
  negatives: number;
  misclassified: Labelled[];
}

/** Precision, recall and F1 of counts (1 where nothing was expected or found, as a category with no errors). */
export function countScore(tp: number, fp: number, fn: number): CategoryScore {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Multi-label precision, recall and F1 per category and micro-averaged, as `npm run eval` prints them. */
export function evaluate(items: Labelled[]): Scores {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, { tp: number; fp: number; fn: number }>;
  let negatives = 0;
  let flaggedNegatives = 0;
  const misclassified: Labelled[] = [];
  for (const item of items) {
    const exp = new Set(item.expected);
    const act = new Set(item.actual);
    for (const c of CATEGORIES) {
      if (exp.has(c) && act.has(c)) counts[c].tp++;
      else if (act.has(c)) counts[c].fp++;
      else if (exp.has(c)) counts[c].fn++;
    }
    if (exp.size === 0) {
      negatives++;
      if (act.size) flaggedNegatives++;
    }
    if (exp.size !== act.size || [...exp].some((c) => !act.has(c))) misclassified.push(item);
  }
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, countScore(counts[c].tp, counts[c].fp, counts[c].fn)])) as Record<Category, CategoryScore>;
  const sum = (k: 'tp' | 'fp' | 'fn') => CATEGORIES.reduce((a, c) => a + counts[c][k], 0);
  return {
    byCategory,
    micro: countScore(sum('tp'), sum('fp'), sum('fn')),
    falsePositiveRate: negatives ? flaggedNegatives / negatives : 0,
    negatives,
    misclassified,
  };
}
