import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareAnalytics, createCareAnalytics, type ReportType, reportTypes } from '../../../src/index.js';
import { type Sandbox, startSandbox } from '../../../src/sandbox/index.js';

// The client against the project's own sandbox: real HTTP, real 307s to a second origin,
// spec-validated requests. Proves the two sides agree on the wire, not just each with itself.
let sb: Sandbox;
let ca: CareAnalytics;
const startTime = Date.UTC(2026, 9, 1);
const endTime = Date.UTC(2026, 9, 2);
const fast = { pollIntervalMs: 10, maxPollIntervalMs: 50 };

beforeAll(async () => {
  sb = await startSandbox({ rowsPerDay: 40, jobDurationMs: 60, seed: 7 });
  ca = createCareAnalytics({
    baseUrl: sb.url,
    ...sb.credentials,
    retry: { baseDelayMs: 1, backoffLimitMs: 10 },
  });
});
afterAll(async () => {
  await sb?.close();
});

const extra = (type: ReportType) => (type === 'team_performance_interval' ? { timeInterval: 3_600_000 } : {});

describe('client ↔ sandbox', () => {
  const cases = reportTypes.flatMap((type) =>
    (['json', 'csv'] as const).map((format) => [type, format] as const),
  );
  it.each(cases)('%s (%s): run, wait, rows() equal the sandbox data', async (type, reportFormat) => {
    const params = { startTime, endTime, reportFormat, ...extra(type) };
    const job = await ca.reports.run(type, params as never, fast);
    const rows = [];
    for await (const row of job.rows()) rows.push(row);
    expect(rows).toEqual(sb.generateRows(type, params));
  });

  it('csv to a file through an expired pre-signed URL, storage never sees credentials', async () => {
    sb.faults.add({ route: 'download', kind: 'expiredUrl' });
    const before = sb.requests.length;
    const dir = await mkdtemp(join(tmpdir(), 'ca-e2e-'));
    try {
      const job = await ca.reports.run('conversation', { startTime, endTime, reportFormat: 'csv' }, fast);
      const { path } = await job.downloadToFile(join(dir, 'c.csv'));
      const csv = await readFile(path, 'utf8');
      const expected = sb.generateRows('conversation', { startTime, endTime, reportFormat: 'csv' });
      expect(csv.trim().split(/\r?\n/)).toHaveLength(expected.length + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const mine = sb.requests.slice(before);
    expect(mine.filter((r) => r.route === 'download')).toHaveLength(2);
    const storage = mine.filter((r) => r.origin === 'storage');
    expect(storage.map((r) => r.status)).toEqual([403, 200]);
    expect(storage.every((r) => !r.hasAuthorization && !('companyKey' in r.query))).toBe(true);
  });

  it('retries a 429 on the run call and follows a foreign statusUrl only via the base origin', async () => {
    sb.faults.add({ route: 'run', kind: 'httpError', status: 429, retryAfter: 0 });
    sb.faults.add({ route: 'run', kind: 'foreignStatusUrl' });
    const before = sb.requests.length;
    const job = await ca.reports.run('author', { startTime, endTime }, fast);
    expect(job.workflowId).toBeTruthy();
    const mine = sb.requests.slice(before);
    expect(mine.filter((r) => r.route === 'run').map((r) => r.status)).toEqual([429, 200]);
    expect(mine.filter((r) => r.route === 'status').every((r) => r.origin === 'api')).toBe(true);
  });

  it('sends the wire format the spec validator accepts for every list style', async () => {
    const before = sb.requests.length;
    await ca.reports.start('conversation', {
      startTime,
      endTime,
      priorities: [0, 1, 2],
      reportMetrics: ['CONVERSATION_ID', 'STATUS'],
    });
    const [run] = sb.requests.slice(before);
    expect(run?.status).toBe(200);
    expect(run?.search).toContain('priorities=0%2C1%2C2');
    expect(run?.search).toContain('reportMetrics=CONVERSATION_ID&reportMetrics=STATUS');
  });

  it('lists teams and time zones', async () => {
    expect((await ca.teams.list()).length).toBeGreaterThan(0);
    expect((await ca.timezones.list()).some((tz) => tz.id === 'America/Chicago')).toBe(true);
  });
});
