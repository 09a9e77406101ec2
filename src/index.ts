export type { Finding, Classification } from './engine/finding.js';
export { CATEGORIES, type Category } from './taxonomy/categories.js';
