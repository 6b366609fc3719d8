import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `kafka` (integration and end-to-end) shares one
// real broker per run, found or started by the harness in test/harness (see README).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'schemas/test/**/*.test.ts', 'proto/test/**/*.test.ts', 'test/harness/test/**/*.test.ts', 'test/*.test.ts', 'deploy/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'kafka',
          include: ['**/*.int.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/harness/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
