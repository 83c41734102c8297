// The CLI tests spawn the built binary, so dist/ is rebuilt once before them. `node scripts/build.mjs`
// compiles all of src/ with tsc: while any module of the package does not compile, no CLI test can
// run, and this says so plainly instead of letting every spawn fail with "module not found".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliPath = join(root, 'dist/src/cli/main.js');

export default function setup(): void {
  // For iterating on tests against an already built dist/ (never set in CI).
  if (process.env.CLI_TEST_SKIP_BUILD === '1' && existsSync(cliPath)) return;
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(cliPath)) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
    throw new Error(
      `The CLI tests need a built dist/, but \`node scripts/build.mjs\` failed (exit ${build.status}). ` +
        'Every module under src/ must compile first; tsc said:\n' +
        output,
    );
  }
}
