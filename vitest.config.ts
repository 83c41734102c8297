import { defineConfig } from 'vitest/config';

// Two tiers by file name: `*.slow.test.ts` (memory, packaging, lint rules, generate-check, long
// property runs) run only under `npm run test:slow` (vitest.slow.config.ts), so that the default
// `npm test` stays within a few minutes on a loaded 2-core machine.
// Two projects per tier so that only the CLI tests pay for building dist/ (they spawn the built binary).
export function testTier(tier: 'default' | 'slow') {
  const slow = '**/*.slow.test.ts';
  const pick = (pattern: string) =>
    tier === 'slow'
      ? { include: [pattern.replace(/\*\.test\.ts$/, '*.slow.test.ts')], exclude: [] }
      : { include: [pattern], exclude: [slow] };
  const unit = pick('test/**/*.test.ts');
  const cli = pick('test/cli/**/*.test.ts');
  return defineConfig({
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Most tests wait on sockets, child processes and sandbox jobs rather than the CPU: four
      // workers on two cores halve the default tier's wall time (measured 231 s → 121 s). The slow
      // tier keeps the default, its CPU-bound runs (1 GiB transfer, fuzzing) would only contend.
      ...(tier === 'default' ? { maxWorkers: 4 } : {}),
      // Every in-process sandbox checks its own answers against the spec (fails the test if not).
      setupFiles: ['test/support/answer-contract.setup.ts'],
      projects: [
        {
          extends: true,
          test: {
            name: tier === 'slow' ? 'unit-slow' : 'unit',
            include: unit.include,
            exclude: [...unit.exclude, 'test/cli/**', 'test/docs/**', 'node_modules/**'],
            typecheck: {
              enabled: tier === 'default',
              include: ['test/**/*.test-d.ts'],
              tsconfig: './tsconfig.json',
            },
          },
        },
        {
          extends: true,
          test: {
            name: tier === 'slow' ? 'cli-slow' : 'cli',
            include: cli.include,
            exclude: [...cli.exclude, 'node_modules/**'],
            globalSetup: ['test/cli/support/build.global-setup.ts'],
          },
        },
      ],
    },
  });
}

export default testTier('default');
