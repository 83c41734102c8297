// The package's own client against its own sandbox: all 13 report types, csv and json, end to end
// over real HTTP (spec-validated requests, 307 to the storage origin on a second port). The rows
// the client parses must be exactly the rows the sandbox generated — proof that the two sides agree
// on the wire, not just each with itself.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CareAnalytics,
  createCareAnalytics,
  type ReportType,
  reportTypes,
  type ValidationWarning,
} from '../../src/index.js';
import { type ReportParams, type Sandbox, startSandbox } from '../../src/sandbox/index.js';

const DAY = 86_400_000;

/**
 * UTC midnight just after the latest US daylight-saving switch that lies two days or more in the
 * past. Windows around it span a DST change yet stay inside the API's 18 months of retention,
 * whenever the suite runs.
 */
function afterRecentDstSwitch(now = Date.now()): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    timeZoneName: 'shortOffset',
  });
  const offset = (ms: number) => format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  let midnight = Math.floor(now / DAY) * DAY - 2 * DAY;
  while (offset(midnight) === offset(midnight - DAY)) midnight -= DAY;
  return midnight;
}

const dstSwitch = afterRecentDstSwitch();
const startTime = dstSwitch - 2 * DAY;
const endTime = dstSwitch + DAY; // three days spanning a New York DST switch
const oneDay = { startTime, endTime: startTime + DAY };
const fast = { pollIntervalMs: 10, maxPollIntervalMs: 40 };

let sb: Sandbox;
let ca: CareAnalytics;
const warnings: ValidationWarning[] = [];
beforeAll(async () => {
  sb = await startSandbox({ rowsPerDay: 120, jobDurationMs: 80, seed: 11 });
  ca = createCareAnalytics({
    baseUrl: sb.url,
    ...sb.credentials,
    retry: { baseDelayMs: 1, backoffLimitMs: 10 },
    onWarning: (warning) => warnings.push(warning),
  });
});
afterAll(async () => {
  await sb?.close();
});

const common = {
  startTime,
  endTime,
  timezone: 'America/New_York',
  priorities: [0, 2, 5],
  workqueueIds: [202, 205],
};

/** Parameters exercising what each report type accepts. */
const paramsOf: { [T in ReportType]: Record<string, unknown> } = {
  author: { ...common, reportMetrics: ['AUTHOR_DISPLAY_NAME', 'AUTHOR_ID', 'LAST_SEEN_DATE'] },
  combined: { ...common, timezone: undefined, timezoneOffset: -16_200_000 },
  conversation: { ...common, conversationReportType: 'CREATED' },
  conversation_actions: { ...common, reportMetrics: ['ACTION_DATE', 'ACTION_TYPE', 'agent_name'] },
  conversation_history_action: { ...common, raiselimit: true },
  incoming_post: { ...common, locale: 'es' },
  raw_agent_states: { ...common, teamIds: [1002, 1004] },
  raw_expert_help: { ...common },
  response: { ...common, reportMetrics: ['RESPONSE_DATE', 'RESPONSE_ID'] },
  response_approval: { ...common, includeDisabled: true },
  team_performance: { ...common, includeDisabled: true, teamIds: [1001] },
  team_performance_interval: { ...common, timeInterval: 43_200_000, teamIds: [1003] },
  user: { startTime, endTime, teamId: [1001, 1002], agentId: [5001, 5002, 5006], includeDisabled: true },
};

/** Only what the type requires: the sandbox's defaults for everything else. */
const defaultsOf = (type: ReportType): Record<string, unknown> => ({
  ...oneDay,
  ...(type === 'team_performance_interval' ? { timeInterval: 3_600_000 } : {}),
});

/** Runs one export through the client; returns its rows and the requests it caused. */
async function exportRows(type: ReportType, params: Record<string, unknown>) {
  const before = sb.requests.length;
  const job = await ca.reports.run(type, params as never, fast);
  const rows: Record<string, string | null>[] = [];
  for await (const row of job.rows()) rows.push(row);
  return { rows, requests: sb.requests.slice(before) };
}

const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));

describe.each(['csv', 'json'] as const)('client ↔ sandbox, %s', (reportFormat) => {
  it.each(reportTypes)('%s with only the required parameters: rows equal the sandbox data', async (type) => {
    const params = { ...defaultsOf(type), reportFormat };
    const { rows } = await exportRows(type, params);
    const expected = sb.generateRows(type, params as ReportParams);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
  });

  it.each(reportTypes)('%s with every parameter it takes: rows equal the sandbox data', async (type) => {
    const params = defined({ ...paramsOf[type], reportFormat });
    const { rows, requests } = await exportRows(type, params);
    const expected = sb.generateRows(type, params as unknown as ReportParams);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
    const metrics = paramsOf[type].reportMetrics as string[] | undefined;
    if (metrics) expect(Object.keys(rows[0] ?? {})).toEqual(metrics);

    // What the client sent: the spec's wire format, and never a credential to storage.
    const runs = requests.filter((r) => r.route === 'run');
    expect(runs.map((r) => r.status)).toEqual([200]);
    if ('priorities' in params)
      expect(`${runs[0]?.search}&${runs[0]?.body ?? ''}`).toContain('priorities=0%2C2%2C5');
    const storage = requests.filter((r) => r.origin === 'storage');
    expect(storage.map((r) => r.status)).toEqual([200]);
    expect(storage.every((r) => !r.hasAuthorization && !('companyKey' in r.query))).toBe(true);
  });
});

describe('client ↔ sandbox, the unhappy paths', () => {
  it('csv to a file through an expired pre-signed URL, storage never sees credentials', async () => {
    sb.faults.add({ route: 'download', kind: 'expiredUrl' });
    const before = sb.requests.length;
    const dir = await mkdtemp(join(tmpdir(), 'ca-e2e-'));
    try {
      const job = await ca.reports.run('conversation', { ...oneDay, reportFormat: 'csv' }, fast);
      const { path } = await job.downloadToFile(join(dir, 'c.csv'));
      const csv = await readFile(path, 'utf8');
      const expected = sb.generateRows('conversation', { ...oneDay, reportFormat: 'csv' });
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
    const job = await ca.reports.run('author', oneDay, fast);
    expect(job.workflowId).toBeTruthy();
    const mine = sb.requests.slice(before);
    expect(mine.filter((r) => r.route === 'run').map((r) => r.status)).toEqual([429, 200]);
    expect(mine.filter((r) => r.route === 'status').every((r) => r.origin === 'api')).toBe(true);
  });

  it('sends the wire format the spec validator accepts for every list style', async () => {
    const before = sb.requests.length;
    await ca.reports.start('conversation', {
      ...oneDay,
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

  it('drew no client warning: every window lies inside the retention period', () => {
    expect(warnings).toEqual([]);
  });
});
