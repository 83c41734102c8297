import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox, TOO_MANY_EXPORTS } from '../../src/sandbox/index.js';
import {
  type Caller,
  call,
  caller,
  DAY,
  envelopeOf,
  getStatus,
  JAN_1,
  type Started,
  startReport,
  waitClosed,
  wire,
} from './support/http.js';
import { rawGet } from './support/raw.js';

let sb: Sandbox;
let c: Caller;
beforeEach(async () => {
  sb = await startSandbox({ jobDurationMs: 0, rowsPerDay: 20_000 });
  c = caller(sb);
});
afterEach(() => sb.close());

const day = { startTime: JAN_1, endTime: JAN_1 + DAY };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for bytes to arrive however slow the machine is (the test's own timeout bounds it). */
async function untilReceived(get: { received(): number }, bytes: number): Promise<void> {
  while (get.received() < bytes) await sleep(10);
}

async function finishedJob(): Promise<Started> {
  const job = await startReport(c, 'conversation', { ...day, reportFormat: 'csv' });
  await waitClosed(c, job);
  return job;
}

async function storageUrl(job: Started): Promise<string> {
  const res = await fetch(job.statusUrl.replace('/status?', '/download?'), {
    headers: { authorization: c.auth },
    redirect: 'manual',
  });
  return res.headers.get('location') as string;
}

function apiUrl(path: string, query = ''): string {
  return `${sb.url}${path}?${query ? `${query}&` : ''}companyKey=${sb.credentials.companyKey}`;
}

describe('fault scripting', () => {
  it('429 with Retry-After in seconds fires for the next N requests only', async () => {
    sb.faults.add({ route: 'teams', kind: 'httpError', status: 429, retryAfter: 7, times: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(c, 'GET', '/teams');
      answers.push([res.status, res.headers.get('retry-after'), res.body.status]);
    }
    expect(answers).toEqual([
      [429, '7', 'FAIL'],
      [429, '7', 'FAIL'],
      [200, null, 'PASS'],
    ]);
    expect(sb.faults.pending()).toEqual([]);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const when = new Date(Date.UTC(2030, 0, 1, 12, 0, 0));
    sb.faults.add({ route: 'run', kind: 'httpError', status: 429, retryAfter: when });
    const res = await call(c, 'POST', '/reports/report/conversation', { query: wire(day) });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('Tue, 01 Jan 2030 12:00:00 GMT');
  });

  it.each([500, 502, 503])('answers %i as scripted', async (status) => {
    sb.faults.add({ route: 'status', kind: 'httpError', status });
    const job = await startReport(c, 'conversation', day);
    const res = await fetch(job.statusUrl, { headers: { authorization: c.auth } });
    expect(res.status).toBe(status);
    expect((await envelopeOf(res)).status).toBe('FAIL');
    expect((await fetch(job.statusUrl, { headers: { authorization: c.auth } })).status).toBe(200);
  });

  it('fires faults in the order scripted, each only on its route', async () => {
    sb.faults.add({ route: 'teams', kind: 'httpError', status: 500 });
    sb.faults.add({ route: 'timezones', kind: 'httpError', status: 502 });
    sb.faults.add({ route: 'teams', kind: 'httpError', status: 503 });
    expect(sb.faults.pending().map((f) => `${f.route}:${f.kind}`)).toEqual([
      'teams:httpError',
      'timezones:httpError',
      'teams:httpError',
    ]);
    expect((await call(c, 'GET', '/teams')).status).toBe(500);
    expect((await call(c, 'GET', '/teams')).status).toBe(503);
    expect((await call(c, 'GET', '/config/timezones')).status).toBe(502);
    sb.faults.add({ route: 'teams', kind: 'httpError', status: 500, times: 5 });
    sb.faults.clear();
    expect((await call(c, 'GET', '/teams')).status).toBe(200);
  });

  it('resets the connection before any response', async () => {
    sb.faults.add({ route: 'teams', kind: 'reset' });
    const res = await rawGet(apiUrl('/teams'), { authorization: c.auth }).done;
    expect(res.outcome).toBe('refused');
    expect((await call(c, 'GET', '/teams')).status).toBe(200);
  });

  it('resets the connection mid-body after N bytes', async () => {
    const job = await finishedJob();
    sb.faults.add({ route: 'storage', kind: 'reset', afterBytes: 10_000 });
    const res = await rawGet(await storageUrl(job)).done;
    expect(res.status).toBe(200);
    expect(res.received).toBe(10_000);
    expect(res.contentLength).toBeGreaterThan(10_000);
    expect(res.outcome).not.toBe('complete');
  });

  it('truncates a body: full Content-Length announced, fewer bytes sent, connection closed', async () => {
    const job = await finishedJob();
    sb.faults.add({ route: 'storage', kind: 'truncate', afterBytes: 4321 });
    const res = await rawGet(await storageUrl(job)).done;
    expect(res.received).toBe(4321);
    expect(res.contentLength).toBeGreaterThan(4321);
    expect(res.outcome).toBe('aborted');
    // An API envelope can be truncated too (default: half of it).
    sb.faults.add({ route: 'teams', kind: 'truncate' });
    const envelope = await rawGet(apiUrl('/teams'), { authorization: c.auth }).done;
    expect(envelope.received).toBe(Math.floor(envelope.contentLength / 2));
  });

  it('stalls before answering, then answers', async () => {
    sb.faults.add({ route: 'teams', kind: 'stall', seconds: 1 });
    let answered = false;
    const pending = call(c, 'GET', '/teams').then((res) => {
      answered = true;
      return res;
    });
    await sleep(300);
    expect(answered).toBe(false);
    expect((await pending).status).toBe(200);
  });

  it('stalls after N bytes of a download, then sends the rest', async () => {
    const job = await finishedJob();
    sb.faults.add({ route: 'storage', kind: 'stall', seconds: 2, afterBytes: 65_536 });
    const get = rawGet(await storageUrl(job));
    await untilReceived(get, 65_536);
    await sleep(100);
    expect(get.received()).toBe(65_536);
    const res = await get.done;
    expect(res.outcome).toBe('complete');
    expect(res.received).toBe(res.contentLength);
  });

  it('a stall ends when the sandbox closes', async () => {
    const job = await finishedJob();
    sb.faults.add({ route: 'storage', kind: 'stall', seconds: 600, afterBytes: 1000 });
    const get = rawGet(await storageUrl(job));
    await untilReceived(get, 1000);
    await sleep(100);
    expect(get.received()).toBe(1000);
    await sb.close();
    expect((await get.done).outcome).not.toBe('complete');
  });

  it('sends malformed JSON', async () => {
    sb.faults.add({ route: 'run', kind: 'malformedJson' });
    const res = await fetch(apiUrl('/reports/report/conversation', wire(day)), {
      method: 'POST',
      headers: { authorization: c.auth },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('sends a status "FAIL" envelope with HTTP 200 (message or string result)', async () => {
    sb.faults.add({ route: 'status', kind: 'failEnvelope', message: 'Backend unavailable' });
    sb.faults.add({
      route: 'status',
      kind: 'failEnvelope',
      result: 'HydrationException: boom',
      httpStatus: 500,
    });
    const job = await startReport(c, 'conversation', day);
    const first = await fetch(job.statusUrl, { headers: { authorization: c.auth } });
    expect([first.status, await first.json()]).toEqual([
      200,
      { status: 'FAIL', request: null, message: 'Backend unavailable' },
    ]);
    const second = await fetch(job.statusUrl, { headers: { authorization: c.auth } });
    expect([second.status, await second.json()]).toEqual([
      500,
      { status: 'FAIL', request: null, message: null, result: 'HydrationException: boom' },
    ]);
  });

  it('fails a job with the scripted reason after it ran', async () => {
    sb.faults.add({ route: 'run', kind: 'jobFailed', reason: 'Index unavailable' });
    const failing = await startReport(c, 'conversation', day);
    const fine = await startReport(c, 'conversation', day);
    expect((await waitClosed(c, failing)).result).toMatchObject({
      runnerState: 'CLOSED',
      detail: 'FAILED',
      reason: 'Index unavailable',
    });
    expect((await waitClosed(c, fine)).result.detail).toBe('COMPLETED');
    const download = await fetch(failing.statusUrl.replace('/status?', '/download?'), {
      headers: { authorization: c.auth },
      redirect: 'manual',
    });
    expect(download.status).toBe(400);
  });

  it('closes a job at once as over the quota (queue full)', async () => {
    sb.faults.add({ route: 'run', kind: 'queueFull' });
    const job = await startReport(c, 'conversation', day);
    expect((await getStatus(c, job)).result).toMatchObject({
      runnerState: 'CLOSED',
      detail: 'FAILED',
      reason: TOO_MANY_EXPORTS,
    });
  });

  it('hands out an already expired pre-signed URL', async () => {
    const job = await finishedJob();
    sb.faults.add({ route: 'download', kind: 'expiredUrl' });
    const expired = await fetch(await storageUrl(job));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    expect((await fetch(await storageUrl(job))).status).toBe(200);
  });

  it('returns statusUrl/downloadUrl on a foreign origin from run and status', async () => {
    sb.faults.add({ route: 'run', kind: 'foreignStatusUrl' });
    const job = await startReport(c, 'conversation', day);
    expect(new URL(job.statusUrl).origin).toBe(sb.storageUrl);
    expect(new URL(job.statusUrl).pathname).toContain(`/api/public/reports/report/${job.workflowId}/`);
    sb.faults.add({
      route: 'status',
      kind: 'foreignStatusUrl',
      origin: 'https://qa-analytics-api.example.invalid',
    });
    const rebased = job.statusUrl.replace(sb.storageUrl, new URL(sb.url).origin);
    const status = await fetch(rebased, { headers: { authorization: c.auth } });
    const body = await envelopeOf(status);
    expect(body.result.jobInfo.statusUrl).toMatch(
      /^https:\/\/qa-analytics-api\.example\.invalid\/api\/public\//,
    );
  });

  it('rejects fault scripts that cannot apply', () => {
    expect(() => sb.faults.add({ route: 'storage', kind: 'jobFailed' } as never)).toThrow(/route run/);
    expect(() => sb.faults.add({ route: 'teams', kind: 'nope' } as never)).toThrow(/kind/);
    expect(() => sb.faults.add({ route: 'teams', kind: 'httpError', status: 200 })).toThrow(/status/);
    expect(() => sb.faults.add({ route: 'teams', kind: 'stall' } as never)).toThrow(/seconds/);
  });
});

describe('admin endpoint', () => {
  it('scripts, lists and clears faults over HTTP, and serves the request log redacted', async () => {
    const post = await fetch(`${sb.adminUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify([
        { route: 'teams', kind: 'httpError', status: 503, retryAfter: 1 },
        { route: 'storage', kind: 'stall', seconds: 5, afterBytes: 100, times: 2 },
      ]),
    });
    expect(post.status).toBe(201);
    expect(await (await fetch(`${sb.adminUrl}/faults`)).json()).toEqual([
      { route: 'teams', kind: 'httpError', remaining: 1 },
      { route: 'storage', kind: 'stall', remaining: 2 },
    ]);
    expect((await call(c, 'GET', '/teams')).status).toBe(503);
    expect((await fetch(`${sb.adminUrl}/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(sb.faults.pending()).toEqual([]);
    const bad = await fetch(`${sb.adminUrl}/faults`, {
      method: 'POST',
      body: '{"route":"teams","kind":"boom"}',
    });
    expect(bad.status).toBe(400);
    const log = (await (await fetch(`${sb.adminUrl}/requests`)).json()) as { route: string; path: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ route: 'teams', status: 503, query: { companyKey: ['***'] } });
    expect(JSON.stringify(log)).not.toContain(sb.credentials.companyKey);
    expect(sb.requests.some((r) => r.path.includes('__sandbox'))).toBe(false);
  });
});
