// The library: `import { classify } from 'fingertip'`.
export { classify, createEngine, Engine } from './engine/index.js';
export type { Finding, Classification } from './core/finding.js';
export type { Rule } from './engine/rule.js';
export { CATEGORIES, type Category } from './core/categories.js';
