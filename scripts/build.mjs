// Compiles src/ and generated/ to dist/ with tsc. The bundled spec is copied beside the
// compiled code so that `../../generated/openapi.json` resolves the same from src/ and dist/src/.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
});
mkdirSync(join(root, 'dist/generated'), { recursive: true });
copyFileSync(join(root, 'generated/openapi.json'), join(root, 'dist/generated/openapi.json'));
const cli = join(root, 'dist/src/cli/main.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
