import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Checks the built-in rules' patterns once, before the workers start (see the file).
    globalSetup: ['test/support/warm-rules.ts'],
  },
});
