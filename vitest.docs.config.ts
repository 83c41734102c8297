import { defineConfig } from 'vitest/config';

// The docs browser test runs on its own (`npm run test:docs`): it needs Debian's chromium and
// builds site/ first, which the unit suite should not pay for.
export default defineConfig({
  test: {
    name: 'docs',
    include: ['test/docs/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The samples test starts a sandbox: its answers are checked against the spec like everywhere.
    setupFiles: ['test/support/answer-contract.setup.ts'],
  },
});
