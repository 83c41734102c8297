// The fault matrix, CLI side: the same cases through `care-analytics export`, asserting the
// documented exit code, the exact file or no file at all, and no credential at storage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { cliInProcess } from './support/cli.js';
import { exitCodeOf, exportMatrix } from './support/fault-matrix.js';
import {
  contentOf,
  expectNoLeaks,
  exportWindow,
  filesIn,
  referenceExport,
  sha256,
} from './support/matrix-run.js';

let sandbox: Sandbox;
let reference: string;
const window = exportWindow();
const tally = { cases: 0, files: 0, errors: 0, wrong: 0, partial: 0 };

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 50, rowsPerDay: 1500 });
  reference = sha256(await referenceExport(sandbox, window));
});
afterAll(async () => {
  await sandbox.close();
  console.info(`fault matrix (CLI): ${JSON.stringify(tally)}`);
});

describe('fault matrix through the CLI', () => {
  it.each(exportMatrix.map((c) => [c.name, c] as const))(
    '%s',
    { timeout: 120_000 },
    async (_name, matrixCase) => {
      sandbox.faults.clear();
      for (const fault of matrixCase.faults) sandbox.faults.add(fault);
      const from = sandbox.requests.length;
      const dir = mkdtempSync(join(tmpdir(), 'ca-rel-cli-matrix-'));
      try {
        const result = await cliInProcess(
          [
            'export',
            'conversation',
            '--from',
            String(window.startTime),
            '--to',
            String(window.endTime),
            '--format',
            'csv',
            '--quiet',
            '--out',
            join(dir, 'export.csv'),
          ],
          {
            cwd: dir,
            env: {
              KHOROS_ANALYTICS_URL: sandbox.url,
              KHOROS_ANALYTICS_USER: sandbox.credentials.username,
              KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
              KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
            },
          },
        );
        const outcome = matrixCase.cliOutcome ?? matrixCase.outcome;
        tally.cases++;
        expect(result.code, result.stderr).toBe(exitCodeOf(outcome));
        const files = filesIn(dir);
        if (outcome === 'file') {
          expect(files).toEqual(['export.csv']);
          const same = sha256(contentOf(dir, 'export.csv')) === reference;
          if (!same) tally.wrong++;
          expect(same).toBe(true);
          tally.files++;
        } else {
          if (files.length > 0) tally.partial++;
          expect(files).toEqual([]);
          tally.errors++;
        }
        expectNoLeaks(sandbox, from);
        for (const secret of [sandbox.credentials.password, sandbox.credentials.companyKey])
          expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
      } finally {
        sandbox.faults.clear();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
