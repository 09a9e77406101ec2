// The seven category ids of docs/taxonomy.md, spelled exactly so; reports list them in this order.
export const CATEGORIES = ['check-in', 'data-request', 'like-quota', 'app-install', 'ranking-pressure', 'proof-demand', 'ack-demand'] as const;

export type Category = (typeof CATEGORIES)[number];

const known: ReadonlySet<string> = new Set(CATEGORIES);

export function isCategory(value: string): value is Category {
  return known.has(value);
}

/** A record with every category set to zero, as every `by_category` in a report must be. */
export function zeroByCategory(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}
