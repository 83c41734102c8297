// Compiles src/ and generated/ to dist/ with tsc. The bundled spec is copied beside the
// compiled code so that `../../generated/openapi.json` resolves the same from src/ and dist/src/.
// `--if-stale` (npm's prestart) builds only when dist/ is missing or older than a source: the
// package has no install script, so a fresh clone's `npm ci && npm start` builds here.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Newest modification time of the files under `dir`. */
function newest(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

const cli = join(root, 'dist/src/cli/main.js');
if (process.argv.includes('--if-stale') && existsSync(cli)) {
  const built = statSync(cli).mtimeMs;
  if (newest('src') <= built && newest('generated') <= built) process.exit(0);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
});
mkdirSync(join(root, 'dist/generated'), { recursive: true });
copyFileSync(join(root, 'generated/openapi.json'), join(root, 'dist/generated/openapi.json'));
if (existsSync(cli)) chmodSync(cli, 0o755);
