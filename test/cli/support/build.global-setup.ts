// The CLI tests spawn the built binary. `node scripts/build.mjs` runs once, then dist/ is copied to
// test/cli/.dist/: other tests (the package tests' `npm pack` runs `prepack`, i.e. the build)
// delete and rebuild dist/ while these run in parallel, and a spawn must never hit a half-built tree.
// The build compiles all of src/ with tsc, so while any module of the package does not compile no
// CLI test can run; this says so plainly instead of letting every spawn fail with "module not found".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, privateDist, repoRoot } from './paths.js';

export default function setup(): void {
  // For iterating on tests against an already built copy (never set in CI).
  if (process.env.CLI_TEST_SKIP_BUILD === '1' && existsSync(builtCli)) return;
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(join(repoRoot, 'dist/src/cli/main.js'))) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
    throw new Error(
      `The CLI tests need a built dist/, but \`node scripts/build.mjs\` failed (exit ${build.status}). ` +
        `Every module under src/ must compile first; tsc said:\n${output}`,
    );
  }
  rmSync(privateDist, { recursive: true, force: true });
  cpSync(join(repoRoot, 'dist'), privateDist, { recursive: true });
  writeFileSync(join(privateDist, '.gitignore'), '*\n');
}
