import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfCheckout, npm, sh } from './support/checkout.js';

// What a user sees: `npm pack` exactly as publishing runs it (prepack builds), then an install of
// the tarball into an empty project. npm 11 warns about any install script of a dependency
// (`npm warn install-scripts …`); the package must need none.
let work: string;
let install: { stdout: string; stderr: string };
let pack: { stdout: string; stderr: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ca-install-'));
  const root = await copyOfCheckout(work);
  await sh('rm', ['-rf', 'dist'], root, 'removing dist/');
  pack = await sh(npm, ['pack', '--json', '--pack-destination', work], root, 'npm pack');
  const { filename } = (JSON.parse(pack.stdout) as { filename: string }[])[0] as { filename: string };
  const project = join(work, 'empty');
  await sh('mkdir', [project], work, 'mkdir');
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'empty', private: true }));
  install = await sh(
    npm,
    ['install', '--no-audit', '--no-fund', join(work, filename)],
    project,
    'npm install',
  );
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('installing the packed tarball into an empty project', () => {
  it('packs a built package although dist/ was missing (prepack builds)', () => {
    const [packed] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
    const files = packed?.files ?? [];
    expect(files.map((f) => f.path)).toContain('dist/src/cli/main.js');
  });

  it('prints no warning', () => {
    expect(`${install.stdout}\n${install.stderr}`).not.toMatch(/\bwarn\b/i);
    expect(install.stdout).toMatch(/added \d+ packages?/);
  });
});
