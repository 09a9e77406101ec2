import { createEngine } from '../../src/engine/index.js';

/**
 * Loading the rules checks every pattern with recheck, which takes seconds on a fresh clone until
 * the verdicts are cached on disk. Done once here, so that no test worker spends a test's timeout on it.
 */
export default function setup(): void {
  createEngine();
}
