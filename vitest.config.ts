import { defineConfig } from 'vitest/config';

// Three projects so that CI can re-run only the database-backed suites on PostgreSQL
// (TEST_DATABASE_URL set) after `npm test` has run everything on PGlite.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/architecture/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'storage', include: ['test/storage/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'http', include: ['test/http/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
