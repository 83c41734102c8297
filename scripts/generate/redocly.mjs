// Runs the project's pinned Redocly CLI through the current Node binary, so `npm run generate`
// works after a plain `npm ci` with nothing installed globally.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function redoclyBin(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return path.join(path.dirname(manifestPath), typeof bin === 'string' ? bin : bin.redocly);
}

// Redocly 2.x prints a boxed "Node.js 20 support is ending" notice on every run. It is not a
// problem with the spec, so it is dropped to keep real messages readable.
function withoutNodeDeprecationBox(text) {
  return text
    .split('\n')
    .filter((line) => !/^\s*[╔╚║]/.test(line))
    .join('\n')
    .replace(/^\n+/, '');
}

/** Runs `redocly <args>` in `root`; returns { ok, output } with the deprecation box removed. */
export function runRedocly(root, args) {
  const result = spawnSync(process.execPath, [redoclyBin(root), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const output = withoutNodeDeprecationBox(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return { ok: result.status === 0, output: result.error ? String(result.error) : output };
}
