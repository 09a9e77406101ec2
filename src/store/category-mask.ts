import { CATEGORIES, type Category } from '../core/categories.js';

/** Bit k of a mask stands for CATEGORIES[k]; SQL sums over `mask & (1 << k)` then give per-category figures. */
export const CATEGORY_BIT: Readonly<Record<Category, number>> = Object.fromEntries(CATEGORIES.map((c, k) => [c, 1 << k])) as Record<Category, number>;

export function maskOf(categories: readonly Category[]): number {
  let mask = 0;
  for (const c of categories) mask |= CATEGORY_BIT[c];
  return mask;
}

// Every mask's categories sorted as `classify` sorts them (by id), computed once.
const BY_MASK: readonly (readonly Category[])[] = Array.from({ length: 1 << CATEGORIES.length }, (_, mask) =>
  CATEGORIES.filter((c) => (mask & CATEGORY_BIT[c]) !== 0).sort(),
);

export function categoriesOf(mask: number): Category[] {
  return BY_MASK[mask].slice();
}

/** The same, shared by every caller: for readers that never change them. */
export function sharedCategoriesOf(mask: number): readonly Category[] {
  return BY_MASK[mask];
}
