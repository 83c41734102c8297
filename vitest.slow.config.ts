import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the tests too slow for the default tier (packaging, installs, long runs),
// one naming rule: `*.slow.test.ts`. `npm test` leaves them out.
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
