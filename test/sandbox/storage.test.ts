import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type Caller, caller, DAY, JAN_1, type Started, startReport, waitClosed } from './support/http.js';

let sb: Sandbox;
let c: Caller;
let job: Started;
// Signed URLs live 1 s on the sandbox's clock, which only the expiry test moves (only Date is
// faked): a slow machine between signing and fetching cannot expire a URL early.
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  sb = await startSandbox({ jobDurationMs: 0, urlTtlSeconds: 1 });
  c = caller(sb);
  job = await startReport(c, 'conversation', { startTime: JAN_1, endTime: JAN_1 + DAY, reportFormat: 'csv' });
  await waitClosed(c, job);
});
afterAll(async () => {
  vi.useRealTimers();
  await sb.close();
});

async function location(): Promise<string> {
  const res = await fetch(job.statusUrl.replace('/status?', '/download?'), {
    headers: { authorization: c.auth },
    redirect: 'manual',
  });
  expect(res.status).toBe(307);
  return res.headers.get('location') as string;
}

describe('download and storage', () => {
  it('redirects 307 to a signed URL on the storage origin', async () => {
    const url = new URL(await location());
    expect(url.origin).toBe(sb.storageUrl);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('1');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.search).not.toContain(sb.credentials.companyKey);
  });

  it('streams the file with Content-Length and a content type', async () => {
    const res = await fetch(await location());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.toString().split('\n')[0]).toMatch(/^CONVERSATION_ID,STATUS,/);
  });

  it('answers 400 to a request that carries Authorization', async () => {
    const res = await fetch(await location(), { headers: { authorization: c.auth } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidArgument</Code>');
  });

  it('answers 403 to a tampered signature or path', async () => {
    const good = new URL(await location());
    const tampered = new URL(good);
    tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await fetch(tampered)).status).toBe(403);
    const otherPath = new URL(good);
    otherPath.pathname = good.pathname.replace('.csv', '.json');
    const res = await fetch(otherPath);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('SignatureDoesNotMatch');
  });

  it('answers 403 once the URL has expired; /download hands out a fresh one', async () => {
    const url = await location();
    vi.setSystemTime(Date.now() + 2_100);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    expect((await fetch(await location())).status).toBe(200);
  });
});

describe('storage HEAD', () => {
  it('answers HEAD with the length and no body', async () => {
    const url = await location();
    const head = await fetch(url, { method: 'HEAD' });
    const get = await fetch(url);
    const body = Buffer.from(await get.arrayBuffer());
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(body.length);
  });
});
