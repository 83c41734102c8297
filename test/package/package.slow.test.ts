import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfCheckout, npm, run, sh } from './support/checkout.js';

// publint --strict and attw --profile esm-only run in .ci/run on the same package; this test
// checks what they cannot: that a strict TypeScript consumer installs, compiles and runs it.
const here = fileURLToPath(new URL('.', import.meta.url));

let work: string;
let root: string;
let project: string;
let packed: { files: { path: string }[]; filename: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ca-package-'));
  root = await copyOfCheckout(work);
  // build.mjs compiles all of src/: if any part does not compile, nothing here can be tested.
  await sh(
    process.execPath,
    ['scripts/build.mjs'],
    root,
    '`node scripts/build.mjs` (the package must build first)',
  );
  // --ignore-scripts: we just built; `prepack` would build a second time.
  const { stdout } = await sh(
    npm,
    ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    root,
    'npm pack',
  );
  packed = (JSON.parse(stdout) as (typeof packed)[])[0] as typeof packed;
  project = join(work, 'consumer');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        outDir: 'out',
        skipLibCheck: false,
      },
      files: ['consumer.ts'],
    }),
  );
  // Kept as .ts.txt so the repo's own typecheck does not resolve them against itself.
  await copyFile(join(here, 'consumer/consumer.ts.txt'), join(project, 'consumer.ts'));
  await copyFile(join(here, 'consumer/type-error.ts.txt'), join(project, 'type-error.ts'));
  await sh(
    npm,
    [
      'install',
      '--no-audit',
      '--no-fund',
      join(work, packed.filename),
      'typescript@5.9.3',
      '@types/node@20.19.43',
    ],
    project,
    'npm install of the tarball',
  );
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('ships compiled code and declarations, not tests or sources', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/src/index.js');
    expect(paths).toContain('dist/src/index.d.ts');
    expect(paths).toContain('dist/generated/report-parameters.js');
    expect(paths).toContain('package.json');
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('scripts/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
  });

  it('has no install script: installing it runs nothing and prints no install-scripts warning', async () => {
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules/khoros-care-analytics/package.json'), 'utf8'),
    ) as { scripts?: Record<string, string> };
    const scripts = Object.keys(manifest.scripts ?? {});
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(scripts, hook).not.toContain(hook);
  });

  it('typechecks a strict consumer and runs it end to end', { timeout: 120_000 }, async () => {
    await sh(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', '.'],
      project,
      'tsc on the consumer',
    );
    const { stdout } = await sh(process.execPath, ['out/consumer.js'], project, 'running the consumer');
    expect(JSON.parse(stdout)).toEqual({
      validation: 'endTime',
      state: 'completed',
      runId: 'a+b/c=',
      rows: [
        { CONVERSATION_ID: '1', STATUS: 'OPEN' },
        { CONVERSATION_ID: '2', STATUS: 'CLOSED' },
      ],
    });
  });

  it('rejects a wrong parameter at compile time (types are real, not any)', {
    timeout: 120_000,
  }, async () => {
    const result = await run(
      process.execPath,
      [
        'node_modules/typescript/bin/tsc',
        '--noEmit',
        '--strict',
        '--module',
        'NodeNext',
        '--types',
        'node',
        'type-error.ts',
      ],
      { cwd: project },
    ).catch((error: { stdout: string }) => error);
    expect(result.stdout).toMatch(/type-error\.ts\(5,\d+\): error TS2353: .*timeInterval/);
  });
});
