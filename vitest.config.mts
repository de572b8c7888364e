import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'test/corpus/**', 'test/fixtures/**', 'examples/**', 'bench/.corpus/**'],
    // Builds dist/ once (only when missing or stale); the accuracy and
    // ESLint-version tests load the built plugin.
    globalSetup: ['test/global-setup.ts'],
    // Rule tests parse many TS/TSX snippets; the accuracy test lints the corpus.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
