// The docs describe the CLI as it is built: its own --help texts and its `types --json` table.
// dist/ comes from `npm ci` (prepare); it is built here when missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function builtCli(root) {
  const main = path.join(root, 'dist/src/cli/main.js');
  if (!existsSync(main))
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root });
  const run = (...args) =>
    execFileSync(process.execPath, [main, ...args], {
      cwd: root,
      encoding: 'utf8',
      // Wide enough that commander does not wrap the help text mid-sentence.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, COLUMNS: '100', NO_COLOR: '1' },
    });
  return {
    help: (...command) => run(...command, '--help'),
    /** The CLI flag of every wire parameter, from `care-analytics types --json`. */
    flags() {
      const table = JSON.parse(run('types', '--json'));
      return Object.fromEntries(Object.values(table).flatMap((rules) => rules.map((r) => [r.name, r.flag])));
    },
  };
}
