import { defineConfig } from 'vitest/config';

// Browser tests: one real server (PGlite in a temp folder) for the whole run, started by global-setup.ts;
// files run one after another to keep CPU use modest on a small machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    environment: 'node',
  },
});
