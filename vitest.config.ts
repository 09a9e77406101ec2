import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Checks the built-in rules' patterns once, before the workers start (see the file).
    // Starts the PostgreSQL server the store's tests share (see the file).
    globalSetup: ['test/support/warm-rules.ts', 'test/support/postgres-global.ts'],
  },
});
