import { defineConfig } from 'vitest/config';

// Two projects so that only the CLI tests pay for building dist/ (they spawn the built binary).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/cli/**', 'test/docs/**', 'node_modules/**', '**/*.slow.test.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          exclude: ['node_modules/**', '**/*.slow.test.ts'],
          globalSetup: ['test/cli/support/build.global-setup.ts'],
        },
      },
    ],
  },
});
