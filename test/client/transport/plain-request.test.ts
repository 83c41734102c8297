// Our own API calls on the default fetch are built into PlainRequests, not undici Requests, and
// answered with PlainResponses: the server must receive the same request either way (method, URL,
// headers, body), and an injected fetch must still get a real Request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultFetch } from '../../../src/internal/transport/default-fetch.js';
import { nodeHttpFetch } from '../../../src/internal/transport/node-http-fetch.js';
import { createOwnClient, sendRaw } from '../../../src/internal/transport/openapi-fetch-client.js';
import { PlainRequest } from '../../../src/internal/transport/plain-request.js';
import { PlainResponse } from '../../../src/internal/transport/plain-response.js';
import type { FetchLike } from '../../../src/types/fetch-like.js';
import { type LocalServer, localServer } from '../support/local-server.js';

// A pass-through spy, so the default fetch's dynamic import loads it and what it is given is seen.
vi.mock('../../../src/internal/transport/node-http-fetch.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../../src/internal/transport/node-http-fetch.js')>();
  return { nodeHttpFetch: vi.fn(original.nodeHttpFetch) };
});

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.mocked(nodeHttpFetch).mockClear();
});

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A status-like GET and a run-like form POST through createOwnClient on `fetch`, as the server saw them. */
async function exchange(fetch: FetchLike): Promise<{ received: Received[]; responses: Response[] }> {
  const received: Received[] = [];
  server = await localServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const { host: _host, ...headers } = req.headers;
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers,
        body: Buffer.concat(parts).toString(),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"PASS"}');
    });
  });
  const client = createOwnClient({
    baseUrl: new URL(`${server.url}/api/public`),
    fetch,
    credentials: { username: 'ü', password: 'p:w', companyKey: 'k&1' },
    userAgent: 'test-agent',
  });
  const signal = new AbortController().signal;
  const get = await sendRaw(client, {
    method: 'GET',
    path: '/reports/report/{workflowId}/{runId}/status',
    pathParams: { workflowId: 'w-1', runId: 'ab+cd/ef==' },
    query: 'companyKey=k%261',
    parseAs: 'text',
    signal,
  });
  const post = await sendRaw(client, {
    method: 'POST',
    path: '/reports/report/conversation',
    query: 'companyKey=k%261',
    formBody: 'teamIds=1%2C2&name=%C3%A9',
    parseAs: 'text',
    signal,
  });
  expect([get.data, post.data]).toEqual(['{"status":"PASS"}', '{"status":"PASS"}']);
  await server.close();
  server = undefined;
  return { received, responses: [get.response, post.response] };
}

describe('PlainRequest', () => {
  it('holds what openapi-fetch gives it: URL, upper-case method, headers, body, signal, redirect', async () => {
    const signal = new AbortController().signal;
    const headers = new Headers({ Accept: 'application/json' });
    const request = new PlainRequest('http://127.0.0.1:1/x?a=1', {
      method: 'post',
      headers,
      body: 'a=%C3%A9',
      signal,
      redirect: 'manual',
    });
    expect(request).toMatchObject({
      url: 'http://127.0.0.1:1/x?a=1',
      method: 'POST',
      signal,
      redirect: 'manual',
    });
    expect(request.headers).toBe(headers);
    expect(request.body).toBe('a=%C3%A9');
    expect(await request.text()).toBe('a=%C3%A9');
    expect(Buffer.from(await request.arrayBuffer()).toString()).toBe('a=%C3%A9');
  });

  it('defaults as a Request does: GET, no body, a signal that never aborts, redirects followed', async () => {
    const request = new PlainRequest('http://127.0.0.1:1/x', { headers: { 'X-A': '1' } });
    expect(request).toMatchObject({ method: 'GET', body: null, redirect: 'follow' });
    expect(request.headers.get('x-a')).toBe('1');
    expect(request.signal.aborted).toBe(false);
    expect((await request.arrayBuffer()).byteLength).toBe(0);
  });

  it('is what our own calls on the default fetch are built into, and the server sees what a Request sends', async () => {
    const { received: plain, responses } = await exchange(defaultFetch);
    const given = vi.mocked(nodeHttpFetch).mock.calls.map(([request]) => request);
    expect(given).toHaveLength(2);
    for (const request of given) expect(request).toBeInstanceOf(PlainRequest);
    for (const response of responses) expect(response).toBeInstanceOf(PlainResponse);

    vi.mocked(nodeHttpFetch).mockClear();
    const { received: real, responses: realResponses } = await exchange((request) => nodeHttpFetch(request));
    for (const [request] of vi.mocked(nodeHttpFetch).mock.calls) expect(request).toBeInstanceOf(Request);
    for (const response of realResponses) expect(response).toBeInstanceOf(Response);

    expect(plain).toEqual(real);
    expect(plain.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      {
        method: 'GET',
        url: '/api/public/reports/report/w-1/ab%2Bcd%2Fef%3D%3D/status?companyKey=k%261',
        body: '',
      },
      {
        method: 'POST',
        url: '/api/public/reports/report/conversation?companyKey=k%261',
        body: 'teamIds=1%2C2&name=%C3%A9',
      },
    ]);
    expect(plain[1]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('ü:p:w').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': '25',
      'user-agent': 'test-agent',
    });
  });

  it('an injected fetch still gets a real Request', async () => {
    const seen: unknown[] = [];
    await exchange((request) => {
      seen.push(request);
      return nodeHttpFetch(request);
    });
    expect(seen).toHaveLength(2);
    for (const request of seen) expect(request).toBeInstanceOf(Request);
  });
});
