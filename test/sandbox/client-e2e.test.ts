// The package's own client against the sandbox: all 13 report types, csv and json, with the
// parameters each type takes, end to end over real HTTP (spec-validated requests, 307 to the
// storage origin). The rows the client parses must be exactly the rows the sandbox generated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareAnalytics, createCareAnalytics, type ReportType, reportTypes } from '../../src/index.js';
import { type ReportParams, type Sandbox, startSandbox } from '../../src/sandbox/index.js';

let sb: Sandbox;
let client: CareAnalytics;
beforeAll(async () => {
  sb = await startSandbox({ rowsPerDay: 120, jobDurationMs: 80, seed: 11 });
  client = createCareAnalytics({
    baseUrl: sb.url,
    ...sb.credentials,
    retry: { baseDelayMs: 1, backoffLimitMs: 10 },
  });
});
afterAll(() => sb.close());

const startTime = Date.UTC(2025, 2, 8);
const endTime = Date.UTC(2025, 2, 11); // spans the US DST switch of 2025-03-09
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

const fast = { pollIntervalMs: 10, maxPollIntervalMs: 40 };

describe.each(['csv', 'json'] as const)('client ↔ sandbox, %s', (reportFormat) => {
  it.each(reportTypes)('%s: rows match what the sandbox generated', async (type) => {
    const params = Object.fromEntries(
      Object.entries({ ...paramsOf[type], reportFormat }).filter(([, v]) => v !== undefined),
    );
    const job = await client.reports.run(type, params as never, fast);
    const rows: Record<string, string | null>[] = [];
    for await (const row of job.rows()) rows.push(row);
    const expected = sb.generateRows(type, params as unknown as ReportParams);
    expect(expected.length).toBeGreaterThan(0);
    // CSV has no null: an empty field is the empty string either way.
    expect(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? ''])))).toEqual(
      expected,
    );
    const metrics = paramsOf[type].reportMetrics as string[] | undefined;
    if (metrics) expect(Object.keys(rows[0] ?? {})).toEqual(metrics);
  });
});

describe('what the client sent', () => {
  it('used the spec wire format and never sent credentials to storage', () => {
    const runs = sb.requests.filter((r) => r.route === 'run');
    expect(runs).toHaveLength(26);
    expect(runs.every((r) => r.status === 200)).toBe(true);
    const withPriorities = runs.filter(
      (r) => r.search.includes('priorities=') || r.body?.includes('priorities='),
    );
    expect(withPriorities.length).toBeGreaterThan(0);
    for (const r of withPriorities) expect(`${r.search}&${r.body ?? ''}`).toContain('priorities=0%2C2%2C5');
    const storage = sb.requests.filter((r) => r.origin === 'storage');
    expect(storage).toHaveLength(26);
    expect(storage.every((r) => !r.hasAuthorization && r.status === 200 && !('companyKey' in r.query))).toBe(
      true,
    );
  });
});
