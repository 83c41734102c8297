import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type Caller, call, caller, DAY, JAN_1, runToText, wire } from './support/http.js';

let sb: Sandbox;
let c: Caller;
beforeAll(async () => {
  sb = await startSandbox({ jobDurationMs: 0 });
  c = caller(sb);
});
afterAll(() => sb.close());

const start = JAN_1;
const end = JAN_1 + DAY;
const range = `startTime=${start}&endTime=${end}`;

async function run(type: string, query: string, body?: string) {
  return call(c, 'POST', `/reports/report/${type}`, { query, ...(body === undefined ? {} : { body }) });
}

describe('requests are validated against the OpenAPI spec', () => {
  it.each([
    ['a missing required parameter', 'conversation', `endTime=${end}`, 'startTime', /is required/],
    ['a non-integer time', 'conversation', `startTime=yesterday&endTime=${end}`, 'startTime', /integer/],
    ['an unknown format', 'conversation', `${range}&reportFormat=xml`, 'reportFormat', /json, csv/],
    ['a priority out of range', 'conversation', `${range}&priorities=0%2C9`, 'priorities', /<= 5/],
    ['an unknown parameter', 'author', `${range}&colour=blue`, 'colour', /not a parameter/],
    [
      'a parameter of another report type',
      'author',
      `${range}&conversationReportType=CLOSED`,
      'conversationReportType',
      /not a parameter/,
    ],
    [
      'a bad conversationReportType',
      'conversation',
      `${range}&conversationReportType=ALL`,
      'conversationReportType',
      /OPEN_AT_END/,
    ],
    ['a missing timeInterval', 'team_performance_interval', range, 'timeInterval', /is required/],
    ['a non-boolean flag', 'response_approval', `${range}&includeDisabled=yes`, 'includeDisabled', /boolean/],
    [
      'a comma-joined list sent as repeated keys',
      'conversation',
      `${range}&priorities=0&priorities=1`,
      'priorities',
      /comma-joined/,
    ],
    ['an unknown time zone', 'conversation', `${range}&timezone=Mars%2FOlympus`, 'timezone', /time zone/],
  ])('answers 400 naming the parameter for %s', async (_name, type, query, parameter, detail) => {
    const res = await run(type, query);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('FAIL');
    expect(res.body.message).toContain(`'${parameter}'`);
    expect(res.body.message).toMatch(detail);
  });

  it('accepts comma-joined priorities (priorities=0%2C1%2C2) and repeated reportMetrics keys', async () => {
    const csv = await runToText(c, 'conversation', {
      startTime: start,
      endTime: end,
      reportFormat: 'csv',
      priorities: [0, 2],
      reportMetrics: ['PRIORITY', 'CONVERSATION_ID'],
    });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('PRIORITY,CONVERSATION_ID');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['0', '2']));
    const raw = sb.requests.findLast((r) => r.route === 'run' && r.search.includes('reportMetrics='));
    expect(raw?.search).toContain('priorities=0%2C2');
    expect(raw?.query.reportMetrics).toEqual(['PRIORITY', 'CONVERSATION_ID']);
  });

  it('takes the parameters of the body endpoints as a form body, validated field by field', async () => {
    const form = `startTime=${start}&endTime=${end}&teamId=1001&teamId=1002&agentId=5001&reportFormat=csv`;
    const ok = await run('user', '', form);
    expect(ok.status).toBe(200);
    const badField = await run('user', '', `startTime=${start}&endTime=${end}&teamId=first`);
    expect(badField.status).toBe(400);
    expect(badField.body.message).toContain("'teamId'");
    const missing = await run('conversation_actions', '', `endTime=${end}`);
    expect(missing.body.message).toContain("'startTime'");
    const history = await run('conversation_history_action', 'raiselimit=true', `${range}&priorities=1%2C2`);
    expect(history.status).toBe(200);
    const queryOnly = await run('user', range);
    expect(queryOnly.status).toBe(400);
    expect(queryOnly.body.message).toMatch(/x-www-form-urlencoded/);
  });

  it('validates path parameters of status and download', async () => {
    const res = await call(c, 'GET', '/reports/report/not-a-uuid/abc%3D/status');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("'workflowId'");
  });

  it('serves the generic /reports/report/{report_type} by GET and POST', async () => {
    const get = await call(c, 'GET', '/reports/report/incoming_post', {
      query: wire({ startTime: start, endTime: end }),
    });
    expect(get.status).toBe(200);
    expect(get.body.result.workflowId).toMatch(/^[0-9a-f-]{36}$/);
    const unknown = await call(c, 'GET', '/reports/report/everything', { query: range });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("'report_type'");
  });

  it('answers 404 in the envelope outside the API', async () => {
    const res = await call(c, 'GET', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.status).toBe('FAIL');
  });

  it('can be told not to validate', async () => {
    const lax = await startSandbox({ validate: false });
    try {
      const res = await call(caller(lax), 'POST', '/reports/report/author', {
        query: `${range}&colour=blue`,
      });
      expect(res.status).toBe(200);
    } finally {
      await lax.close();
    }
  });
});
