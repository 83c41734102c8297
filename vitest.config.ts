import { defineConfig } from 'vitest/config';

// Two projects so that only the CLI tests pay for building dist/ (they spawn the built binary).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every in-process sandbox validates its own answers against the spec (fails the test if not).
    setupFiles: ['test/support/answer-contract.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/cli/**', 'test/docs/**', 'node_modules/**'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          globalSetup: ['test/cli/support/build.global-setup.ts'],
        },
      },
    ],
  },
});
