// Runs every curl and TypeScript code sample the HTTP reference shows (site/code-samples.json,
// written by `npm run docs`) against the sandbox, as a reader would: the curl samples with /bin/sh,
// the TypeScript samples type-checked against the package's published types and run with tsx.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { ensureSiteBuilt, repoRoot } from './support/built-site.js';

const run = promisify(execFile);

interface Sample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

ensureSiteBuilt();
const samples: Record<string, Sample[]> = JSON.parse(
  readFileSync(path.join(repoRoot, 'site/code-samples.json'), 'utf8'),
);
const sampleOf = (label: string) =>
  Object.entries(samples).flatMap(([id, list]) =>
    list.filter((s) => s.label === label).map((s) => [id, s.source] as const),
  );

// Inside the package, so that `import … from 'khoros-care-analytics'` resolves to the package
// itself (its exports map, i.e. the built dist/) as it would for a user.
const workDir = path.join(repoRoot, 'test/docs/.samples');

describe('code samples of the HTTP reference, run against the sandbox', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    sandbox = await startSandbox({ jobDurationMs: 0 });
    // A finished job, for the status and download samples (they read WORKFLOW_ID and RUN_ID).
    const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials });
    const day = 86_400_000;
    const end = Math.floor(Date.now() / day) * day;
    const job = await ca.reports.run('author', { startTime: end - day, endTime: end, reportFormat: 'csv' });
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KHOROS_ANALYTICS_URL: sandbox.url,
      KHOROS_ANALYTICS_USER: sandbox.credentials.username,
      KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
      KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
      WORKFLOW_ID: job.workflowId,
      RUN_ID: job.runId,
    };
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('has a curl, a TypeScript and (where the CLI has a command) a CLI sample for all 22 operations', () => {
    expect(Object.keys(samples)).toHaveLength(22);
    for (const [id, list] of Object.entries(samples)) {
      const labels = list.map((s) => s.label);
      expect(labels, id).toEqual(
        id === 'listJobs' ? ['curl', 'TypeScript client'] : ['curl', 'TypeScript client', 'CLI'],
      );
    }
  });

  it.each(sampleOf('curl'))('curl sample of %s works', async (id, source) => {
    const dir = path.join(workDir, `curl-${id}`);
    mkdirSync(dir);
    const { stdout } = await run('/bin/sh', ['-ec', source], { cwd: dir, env });
    if (id === 'downloadReport') {
      expect(statSync(path.join(dir, 'export.csv')).size).toBeGreaterThan(0);
      expect(readFileSync(path.join(dir, 'export.csv'), 'utf8')).toMatch(/^[A-Z_a-z]+[,\n]/);
    } else {
      expect(JSON.parse(stdout)).toMatchObject({ status: 'PASS' });
    }
  });

  describe('TypeScript samples', () => {
    const typescript = sampleOf('TypeScript client');
    beforeAll(() => {
      for (const [id, source] of typescript) writeFileSync(path.join(workDir, `${id}.ts`), `${source}\n`);
      writeFileSync(
        path.join(workDir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
          },
          include: ['*.ts'],
        }),
      );
      if (!existsSync(path.join(repoRoot, 'dist/src/index.d.ts'))) throw new Error('npm run build first');
    });

    it('type-check against the published types', async () => {
      const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
      const result = await run(process.execPath, [tsc, '-p', workDir], { cwd: workDir }).catch((e) => e);
      expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
    });

    it.each(typescript)('TypeScript sample of %s runs', async (id) => {
      const dir = path.join(workDir, `ts-${id}`);
      mkdirSync(dir);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(workDir, `${id}.ts`)], {
        cwd: dir,
        env,
      });
      expect(stdout.trim().length, id).toBeGreaterThan(0);
      if (id === 'downloadReport') expect(statSync(path.join(dir, 'author.csv')).size).toBeGreaterThan(0);
    });
  });
});
