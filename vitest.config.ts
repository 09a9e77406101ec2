import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Bounds that catch a hang, not timings: on a loaded machine a child CLI or dependency-cruiser
    // run takes several times its usual second or two, and vitest's 5 s default failed them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Checks the built-in rules' patterns once, before the workers start (see the file).
    // Starts the PostgreSQL server the store's tests share (see the file).
    globalSetup: ['test/support/warm-rules.ts', 'test/support/postgres-global.ts'],
  },
});
