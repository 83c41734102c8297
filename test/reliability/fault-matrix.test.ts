// The fault matrix, library side: every sandbox fault kind on every route ends with a file
// byte-identical to the sandbox's export, or with no file and the documented error; no
// credential ever reaches the storage origin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { exportMatrix, referenceMatrix } from './support/fault-matrix.js';
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
const tally = { cases: 0, files: 0, errors: 0, wrong: 0, partial: 0, storageRequests: 0 };

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 50, rowsPerDay: 1500 });
  const file = await referenceExport(sandbox, window);
  expect(file.length).toBeGreaterThan(200_000);
  reference = sha256(file);
});
afterAll(async () => {
  await sandbox.close();
  console.info(`fault matrix (library): ${JSON.stringify(tally)}`);
});

const client = () =>
  createCareAnalytics({
    baseUrl: sandbox.url,
    ...sandbox.credentials,
    timeoutMs: 1_500,
    bodyTimeoutMs: 1_500,
    retry: { baseDelayMs: 1, backoffLimitMs: 10 },
    onWarning: () => {},
  });

describe('fault matrix: export routes', () => {
  it.each(exportMatrix.map((c) => [c.name, c] as const))('%s', async (_name, matrixCase) => {
    sandbox.faults.clear();
    for (const fault of matrixCase.faults) sandbox.faults.add(fault);
    const from = sandbox.requests.length;
    const dir = mkdtempSync(join(tmpdir(), 'ca-rel-matrix-'));
    try {
      const ca = client();
      const error = await (async () => {
        const job = await ca.reports.start('conversation', { ...window, reportFormat: 'csv' });
        await job.wait({ pollIntervalMs: 5, maxPollIntervalMs: 20 });
        await job.downloadToFile(join(dir, 'export.csv'));
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      const files = filesIn(dir);
      tally.cases++;
      if (matrixCase.outcome === 'file') {
        expect(error).toBeUndefined();
        expect(files).toEqual(['export.csv']);
        const same = sha256(contentOf(dir, 'export.csv')) === reference;
        if (!same) tally.wrong++;
        expect(same).toBe(true);
        tally.files++;
      } else {
        expect(error).toBeInstanceOf(matrixCase.outcome);
        if (files.length > 0) tally.partial++;
        expect(files).toEqual([]);
        tally.errors++;
      }
      tally.storageRequests += expectNoLeaks(sandbox, from);
    } finally {
      sandbox.faults.clear();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a body cut mid-way resumes with Range and the sandbox answers 206', async () => {
    sandbox.faults.add({ route: 'storage', kind: 'reset', afterBytes: 50_000 });
    const from = sandbox.requests.length;
    const dir = mkdtempSync(join(tmpdir(), 'ca-rel-matrix-'));
    try {
      const job = await client().reports.start('conversation', { ...window, reportFormat: 'csv' });
      await job.wait({ pollIntervalMs: 5 });
      await job.downloadToFile(join(dir, 'export.csv'));
      expect(sha256(contentOf(dir, 'export.csv'))).toBe(reference);
      const storage = sandbox.requests.slice(from).filter((r) => r.origin === 'storage');
      // The cut connection never finished its 200; the reopened one is a 206.
      expect(storage).toHaveLength(2);
      expect(storage[1]?.status).toBe(206);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fault matrix: reference routes', () => {
  it.each(referenceMatrix.map((c) => [c.name, c] as const))('%s', async (_name, matrixCase) => {
    sandbox.faults.clear();
    for (const fault of matrixCase.faults) sandbox.faults.add(fault);
    try {
      const ca = client();
      const route = matrixCase.faults[0]?.route;
      const list = route === 'teams' ? ca.teams.list() : ca.timezones.list();
      const outcome = await list.then(
        (items) => items,
        (e: unknown) => e,
      );
      if (matrixCase.outcome === 'file') expect(Array.isArray(outcome) && outcome.length > 0).toBe(true);
      else expect(outcome).toBeInstanceOf(matrixCase.outcome);
    } finally {
      sandbox.faults.clear();
    }
  });
});
