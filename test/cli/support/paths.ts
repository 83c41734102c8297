import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The tests' own copy of dist/ (see build.global-setup.ts); inside the repo so imports resolve. */
export const privateDist = join(repoRoot, 'test/cli/.dist');
export const builtCli = join(privateDist, 'src/cli/main.js');
