import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { type Sandbox, type SandboxAnswer, startSandbox } from '../../src/sandbox/index.js';
import { checkAnswer } from '../support/answer-contract.js';
import { DELIBERATELY_OFF_SPEC } from '../support/answer-contract.setup.js';

// The harness behind every sandbox of the suite (test/support/answer-contract.setup.ts): it sees
// every answer, passes real ones and names what is wrong with broken ones.
const DAY = 86_400_000;
const start = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;

describe('answer contract of the sandbox', () => {
  let sb: Sandbox;
  const seen: SandboxAnswer[] = [];
  beforeAll(async () => {
    sb = await startSandbox({ jobDurationMs: 0, statusShape: 'alternate', onResponse: (a) => seen.push(a) });
  });
  afterAll(() => sb?.close());

  it('sees every API answer of an export, ids as strings included, and each matches the spec', async () => {
    const ca = createCareAnalytics({ baseUrl: sb.url, ...sb.credentials });
    const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };
    const job = await ca.reports.run(
      'conversation',
      {
        startTime: start,
        endTime: start + DAY,
        reportFormat: 'csv',
        workqueueIds: [3, 'wq-x'],
        smartViewId: 'sv-1',
      },
      fast,
    );
    let rows = 0;
    for await (const _row of job.rows()) rows++;
    expect(rows).toBeGreaterThan(0);
    await ca.reports.run('user', { startTime: start, endTime: start + DAY, agentId: ['a-1', 2] }, fast);
    await ca.teams.list();
    await ca.timezones.list();
    const routes = seen.map(
      (a) => `${a.method} ${a.path.replace(/report\/[^/]+\/[^/]+\/(status|download)$/, 'report/…/$1')}`,
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /reports/report/conversation',
        'GET /reports/report/…/status',
        'GET /reports/report/…/download',
        'POST /reports/report/user',
        'GET /teams',
        'GET /config/timezones',
      ]),
    );
    const run = seen.find((a) => a.path === '/reports/report/conversation');
    expect(run?.headers['content-type']).toMatch(/^text\/plain/);
    for (const answer of seen)
      expect(await checkAnswer(answer), `${answer.method} ${answer.path}`).toEqual([]);
  });

  it('names what is wrong with an off-spec answer', async () => {
    const status = seen.find(
      (a) =>
        a.path.endsWith('/status') &&
        a.body.startsWith('{"status":"PASS","request":null,"message":null,"result":{'),
    );
    const download = seen.find((a) => a.status === 307);
    const run = seen.find((a) => a.path === '/reports/report/conversation');
    if (!status || !download || !run)
      throw new Error('the export above produced no status, download or run answer');
    const fractional = status.body.replace(
      /"lastAcknowledgeTime":\d+/,
      '"lastAcknowledgeTime":1796130692963.25',
    );
    // The result is an object or a one-element array (oneOf), so ajv names both branches.
    expect(await checkAnswer({ ...status, body: fractional })).toEqual(
      expect.arrayContaining(['/result/result/lastAcknowledgeTime must be integer,null']),
    );
    expect(
      await checkAnswer({ ...status, headers: { ...status.headers, 'content-type': 'text/plain' } }),
    ).toEqual(['content-type text/plain is not declared (application/json)']);
    expect(await checkAnswer({ ...download, headers: {} })).toEqual(['header Location is required']);
    expect(await checkAnswer({ ...download, status: 404 })).toEqual([
      expect.stringContaining('status 404 is not declared'),
    ]);
    expect(await checkAnswer({ ...run, body: run.body.replace('"PASS"', '"OK"') })).not.toEqual([]);
    expect(await checkAnswer({ ...run, body: '{"status":' })).toEqual([expect.stringContaining('not JSON')]);
    expect(await checkAnswer({ ...run, path: '/reports/nowhere' })).toEqual([
      'no operation POST /reports/nowhere in the spec',
    ]);
  });

  it('lets only two scripted faults break the contract, on purpose', () => {
    expect(Object.keys(DELIBERATELY_OFF_SPEC).sort()).toEqual(['failEnvelope', 'malformedJson']);
  });
});
