import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { basic, type Caller, call, caller, DAY, JAN_1, startReport, waitClosed } from './support/http.js';

let sb: Sandbox;
let c: Caller;
beforeAll(async () => {
  sb = await startSandbox({
    username: 'alice',
    password: 'pw-Alice!1',
    companyKey: 'ck-123',
    jobDurationMs: 50,
  });
  c = caller(sb);
});
afterAll(() => sb.close());

const range = { startTime: JAN_1, endTime: JAN_1 + DAY };

describe('authentication', () => {
  it('exposes the configured credentials', () => {
    expect(sb.credentials).toEqual({ username: 'alice', password: 'pw-Alice!1', companyKey: 'ck-123' });
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/public$/);
    expect(sb.storageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(sb.storageUrl).origin).not.toBe(new URL(sb.url).origin);
  });

  it.each([
    ['no Authorization header', { auth: null }],
    ['a wrong password', { auth: basic('alice', 'wrong') }],
    ['an unknown user', { auth: basic('mallory', 'pw-Alice!1') }],
    ['a non-Basic scheme', { auth: 'Bearer abc' }],
    ['no companyKey', { companyKey: null }],
    ['a wrong companyKey', { companyKey: 'ck-999' }],
  ] as const)('answers 401 with a FAIL envelope for %s', async (_name, init) => {
    for (const path of ['/teams', '/config/timezones', '/reports/jobs']) {
      const res = await call(c, 'GET', path, init);
      expect(res.status).toBe(401);
      expect(res.body.status).toBe('FAIL');
      expect(res.body.message).toMatch(/Unauthorized/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(JSON.stringify(res.body)).not.toContain('pw-Alice!1');
    }
  });

  it('accepts Basic plus companyKey', async () => {
    const res = await call(c, 'GET', '/teams');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PASS');
  });

  it('status and download accept the per-job analyticsAccessToken instead of companyKey', async () => {
    const job = await startReport(c, 'conversation', range);
    const url = new URL(job.statusUrl);
    expect(url.searchParams.get('analyticsAccessToken')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.has('companyKey')).toBe(false);
    await waitClosed(c, job);
    const statusPath = url.pathname.slice(new URL(sb.url).pathname.length);
    const token = url.searchParams.get('analyticsAccessToken') as string;
    const ok = await call(c, 'GET', statusPath, { query: `analyticsAccessToken=${token}`, companyKey: null });
    expect(ok.status).toBe(200);
    const wrongToken = await call(c, 'GET', statusPath, {
      query: 'analyticsAccessToken=nope',
      companyKey: null,
    });
    expect(wrongToken.status).toBe(401);
    const tokenWithoutBasic = await call(c, 'GET', statusPath, {
      query: `analyticsAccessToken=${token}`,
      companyKey: null,
      auth: null,
    });
    expect(tokenWithoutBasic.status).toBe(401);
  });

  it('status and download also accept the older companyKey form', async () => {
    const job = await startReport(c, 'conversation', range);
    const statusPath = new URL(job.statusUrl).pathname.slice(new URL(sb.url).pathname.length);
    const res = await call(c, 'GET', statusPath);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PASS');
  });

  it('can hand out URLs with companyKey (older form) or none at all', async () => {
    const older = await startSandbox({ jobUrls: 'companyKey', companyKey: 'ck-old' });
    const none = await startSandbox({ jobUrls: 'omit' });
    try {
      const a = await startReport(caller(older), 'conversation', range);
      expect(new URL(a.statusUrl).searchParams.get('companyKey')).toBe('ck-old');
      const b = await startReport(caller(none), 'conversation', range);
      expect(b.statusUrl).toBeUndefined();
      expect(b.workflowId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await Promise.all([older.close(), none.close()]);
    }
  });

  it('records whether each request carried Authorization', async () => {
    const before = sb.requests.length;
    await call(c, 'GET', '/teams', { auth: null });
    await call(c, 'GET', '/teams');
    expect(sb.requests.slice(before).map((r) => [r.route, r.hasAuthorization, r.status])).toEqual([
      ['teams', false, 401],
      ['teams', true, 200],
    ]);
  });
});
