// Faults the sandbox cannot produce, from small stub servers on 127.0.0.1: each case ends with the
// exact file or with no file and the documented error, and no credential reaches storage or any
// third origin.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  createCareAnalytics,
  TimeoutError,
  ValidationError,
} from '../../src/index.js';
import { JOB } from '../client/support/export-servers.js';
import { type LocalServer, localServer } from '../client/support/local-server.js';
import { credentials } from '../client/support/observed-fetch.js';
import { expectNoCredentials } from './support/leaks.js';

const secrets = {
  ...credentials,
  basic: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
};
const CSV = `CONVERSATION_ID,STATUS\n${Array.from({ length: 2000 }, (_, i) => `${i},OPEN`).join('\n')}\n`;
const JSON_EXPORT = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ ID: String(i) })));
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

let dir: string;
let servers: LocalServer[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-rel-stub-'));
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  rmSync(dir, { recursive: true, force: true });
});

async function server(handler: Handler): Promise<LocalServer> {
  let hits = 0;
  const s = await localServer(async (req, res) => {
    await handler(req, res, hits++);
  });
  servers.push(s);
  return s;
}

/** An API whose /download redirects to `location()` (307), and a client with fast retries. */
async function api(location: (hit: number) => string, direct?: Handler) {
  const apiServer = await server((req, res, hit) => {
    if (direct) return direct(req, res, hit);
    res.writeHead(307, { location: location(hit) }).end();
  });
  const ca = createCareAnalytics({
    baseUrl: `${apiServer.url}/api/public`,
    ...credentials,
    retry: { baseDelayMs: 1, backoffLimitMs: 5, limit: 2 },
    bodyTimeoutMs: 300,
  });
  return { apiServer, ca };
}

async function outcome(ca: ReturnType<typeof createCareAnalytics>, format: 'csv' | 'json' = 'csv') {
  const target = join(dir, `out.${format}`);
  const error = await ca.reports
    .resume({ ...JOB, format })
    .downloadToFile(target)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  const files = readdirSync(dir);
  return { error, files, content: files.includes(`out.${format}`) ? readFileSync(target) : undefined };
}

function expectFile(result: Awaited<ReturnType<typeof outcome>>, expected: string) {
  expect(result.error).toBeUndefined();
  expect(result.files).toEqual([expect.stringMatching(/^out\./)]);
  expect(sha(result.content as Buffer)).toBe(sha(expected));
}

function expectNoFile(
  result: Awaited<ReturnType<typeof outcome>>,
  errorClass: abstract new (...args: never[]) => Error,
) {
  expect(result.error).toBeInstanceOf(errorClass);
  expect(result.files).toEqual([]);
  const rendered = `${String(result.error)}\n${(result.error as Error).stack}\n${JSON.stringify(result.error)}`;
  for (const value of [secrets.password, secrets.companyKey, secrets.basic])
    expect(rendered).not.toContain(value);
}

const file =
  (body: string | Buffer, headers: Record<string, string | number> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };

describe('redirects', () => {
  it('a chain over three origins ends in the file; no origin but the API sees a credential', async () => {
    const third = await server(file(CSV));
    const second = await server((_req, res) =>
      res.writeHead(302, { location: `${third.url}/c?sig=3` }).end(),
    );
    const storage = await server((_req, res) =>
      res.writeHead(302, { location: `${second.url}/b?sig=2` }).end(),
    );
    const { ca } = await api(() => `${storage.url}/a?X-Amz-Signature=s1`);
    expectFile(await outcome(ca), CSV);
    expect(expectNoCredentials([storage, second, third], secrets)).toBe(3);
  });

  it('a redirect loop ends with ApiError and no file', async () => {
    const storage = await server((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end());
    const { ca } = await api(() => `${storage.url}/loop?sig=1`);
    expectNoFile(await outcome(ca), ApiError);
    expectNoCredentials([storage], secrets);
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/csv,a%2Cb%0A1%2C2'],
    ['ftp:', 'ftp://127.0.0.1/x.csv'],
  ])(
    "a %s Location from /download is the service's fault: ApiError, not ValidationError",
    async (_name, location) => {
      const { ca, apiServer } = await api(() => location);
      const result = await outcome(ca);
      expectNoFile(result, ApiError);
      expect(result.error).not.toBeInstanceOf(ValidationError);
      expect((result.error as Error).message).toMatch(/service's redirect was refused/);
      expect(apiServer.requests).toHaveLength(1);
    },
  );

  it('a file: Location from storage is refused the same way', async () => {
    const storage = await server((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    const { ca } = await api(() => `${storage.url}/a?sig=1`);
    expectNoFile(await outcome(ca), ApiError);
  });

  it('userinfo in a Location is refused at once, never retried, never shown', async () => {
    const storage = await server(file(CSV));
    const { ca, apiServer } = await api(
      () => `http://alice:pw-in-location@127.0.0.1:${new URL(storage.url).port}/f.csv`,
    );
    const result = await outcome(ca);
    expectNoFile(result, ApiError);
    expect(apiServer.requests).toHaveLength(1);
    expect(storage.requests).toHaveLength(0);
    const rendered = `${String(result.error)} ${JSON.stringify(result.error)} ${(result.error as Error).stack}`;
    expect(rendered).not.toMatch(/alice|pw-in-location/);
  });

  it('https storage redirecting to plain http off loopback is refused (injected fetch)', async () => {
    const seen: string[] = [];
    const ca = createCareAnalytics({
      baseUrl: 'https://api.example.test/api/public',
      ...credentials,
      retry: { baseDelayMs: 1, backoffLimitMs: 5 },
      fetch: async (request) => {
        seen.push(request.url);
        if (request.url.includes('/download'))
          return new Response(null, {
            status: 307,
            headers: { location: 'https://storage.example.test/f?sig=1' },
          });
        return new Response(null, {
          status: 302,
          headers: { location: 'http://mirror.example.test/f?sig=1' },
        });
      },
    });
    const result = await outcome(ca);
    expectNoFile(result, ApiError);
    expect((result.error as Error).message).toMatch(/plain http/);
    expect(seen.some((url) => url.startsWith('http://mirror'))).toBe(false);
  });
});

describe('bodies', () => {
  it('gzip, complete: the decoded export', async () => {
    const storage = await server(file(gzipSync(CSV), { 'content-encoding': 'gzip' }));
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
  });

  it('gzip, cut once: restarted from zero, the exact export', async () => {
    const zipped = gzipSync(CSV);
    const storage = await server((_req, res, hit) => {
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-encoding': 'gzip',
        'content-length': zipped.length,
      });
      if (hit > 0) return void res.end(zipped);
      res.write(zipped.subarray(0, zipped.length >> 1), () => res.destroy());
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
    expect(storage.requests.map((r) => r.headers.range)).toEqual([undefined, undefined]);
  });

  it('gzip, always cut: ConnectionError and no file', async () => {
    const zipped = gzipSync(CSV);
    const storage = await server((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': zipped.length });
      res.write(zipped.subarray(0, zipped.length >> 1), () => res.destroy());
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectNoFile(await outcome(ca), ConnectionError);
  });

  it('chunked, complete: the export', async () => {
    const storage = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(CSV.slice(0, 1000));
      res.end(CSV.slice(1000));
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
  });

  it('chunked, cut once: resumed with Range where it stopped, the exact export', async () => {
    const storage = await server((req, res, hit) => {
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (hit > 0 && range) {
        const from = Number(range[1]);
        res.writeHead(206, { 'content-range': `bytes ${from}-${CSV.length - 1}/${CSV.length}` });
        return void res.end(CSV.slice(from));
      }
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(CSV.slice(0, 5000), () => setTimeout(() => res.destroy(), 20));
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
    expect(storage.requests[1]?.headers.range).toMatch(/^bytes=\d+-$/);
  });

  it('chunked, always cut: ConnectionError and no file', async () => {
    const storage = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(CSV.slice(0, 5000), () => setTimeout(() => res.destroy(), 20));
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectNoFile(await outcome(ca), ConnectionError);
  });

  it('shorter than Content-Length once: resumed, and storage ignoring Range restarts from zero', async () => {
    const storage = await server((_req, res, hit) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': CSV.length });
      if (hit > 0) return void res.end(CSV);
      res.write(CSV.slice(0, 3000), () => res.destroy());
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
    expect(storage.requests.map((r) => r.headers.range)).toEqual([undefined, 'bytes=3000-']);
  });

  it.each([
    ['json', 'close', JSON_EXPORT],
    ['csv', 'close', CSV],
    ['csv', 'keep-alive', CSV],
  ] as const)(
    'longer than Content-Length (%s, raw socket, connection: %s): ApiError naming the host, no file, no resume',
    async (format, connection, body) => {
      // Headers and every byte in one write, 50 beyond Content-Length: fetch stops at the length
      // and drops the rest without a word (the csv would be saved cut mid-row); our storage leg reports it.
      const requests: string[] = [];
      const raw = createServer((socket) => {
        socket.once('data', (head) => {
          requests.push(head.toString('latin1'));
          socket.end(
            `HTTP/1.1 200 OK\r\ncontent-type: text/${format}\r\ncontent-length: ${body.length - 50}\r\nconnection: ${connection}\r\n\r\n${body}`,
          );
        });
      });
      await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = raw.address() as AddressInfo;
        const { ca } = await api(() => `http://127.0.0.1:${port}/f.${format}?X-Amz-Signature=sig-secret`);
        const result = await outcome(ca, format);
        expectNoFile(result, ApiError);
        expect((result.error as Error).message).toBe(
          `The storage host 127.0.0.1:${port} sent more bytes than the Content-Length of ${body.length - 50}`,
        );
        expect(JSON.stringify(result.error)).not.toContain('sig-secret');
        expect(requests).toHaveLength(1);
        expect(requests[0]).not.toMatch(/^range:/im);
        expect(requests[0]).not.toMatch(/^authorization:/im);
        expect(requests[0]).not.toContain(credentials.companyKey);
      } finally {
        raw.close();
      }
    },
  );

  it('the default client fetches storage over its own connection (no fetch-only headers), an injected fetch keeps it', async () => {
    const storage = await server(file(CSV));
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
    // undici's fetch always sends sec-fetch-mode, node:http's keep-alive agent `connection:
    // keep-alive`; socket-fetch neither: one request, then the connection closes.
    expect(storage.requests.map((r) => r.headers['sec-fetch-mode'])).toEqual([undefined]);
    expect(storage.requests.map((r) => r.headers.connection)).toEqual(['close']);
    expectNoCredentials([storage], secrets);

    rmSync(join(dir, 'out.csv'));
    const seen: string[] = [];
    const injected = createCareAnalytics({
      baseUrl: `${(await api(() => `${storage.url}/f.csv?sig=2`)).apiServer.url}/api/public`,
      ...credentials,
      fetch: async (request) => {
        seen.push(new URL(request.url).pathname);
        return globalThis.fetch(request);
      },
    });
    expectFile(await outcome(injected), CSV);
    expect(seen.at(-1)).toBe('/f.csv');
    expect(storage.requests[1]?.headers['sec-fetch-mode']).toBe('cors');
  });

  it('longer than Content-Length (injected fetch): ConnectionError, no file', async () => {
    const ca = createCareAnalytics({
      baseUrl: 'https://api.example.test/api/public',
      ...credentials,
      fetch: async (request) =>
        request.url.includes('/download')
          ? new Response(null, { status: 307, headers: { location: 'https://storage.example.test/f?sig=1' } })
          : new Response(CSV, { headers: { 'content-length': String(CSV.length - 10) } }),
    });
    expectNoFile(await outcome(ca), ConnectionError);
  });

  it.each(['csv', 'json'] as const)('0 bytes (%s): ApiError, no file', async (format) => {
    const storage = await server(file(''));
    const { ca } = await api(() => `${storage.url}/f?sig=1`);
    expectNoFile(await outcome(ca, format), ApiError);
  });

  it.each([
    ['HTML with text/html', '<html><body>Login</body></html>', { 'content-type': 'text/html' }, 'csv'],
    ['XML error with 200', '<?xml version="1.0"?><Error/>', { 'content-type': 'application/xml' }, 'json'],
    ['HTML labelled text/csv', '\n  <!DOCTYPE html><html></html>', { 'content-type': 'text/csv' }, 'csv'],
    ['a JSON error labelled csv', '{"error":"denied"}', { 'content-type': 'text/csv' }, 'csv'],
    ['a JSON object as the json export', '{"status":"FAIL"}', { 'content-type': 'application/json' }, 'json'],
  ] as const)(
    'storage answering %s: ApiError naming the host, never its query',
    async (_n, body, headers, format) => {
      const storage = await server(file(body, headers));
      const { ca } = await api(() => `${storage.url}/f?X-Amz-Signature=very-secret-signature`);
      const result = await outcome(ca, format);
      expectNoFile(result, ApiError);
      expect((result.error as Error).message).toContain(new URL(storage.url).host);
      expect(`${String(result.error)} ${JSON.stringify(result.error)}`).not.toContain(
        'very-secret-signature',
      );
    },
  );

  it('HTML from /download itself: ApiError, nothing fetched from storage', async () => {
    const { ca } = await api(
      () => '',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
      },
    );
    expectNoFile(await outcome(ca), ApiError);
  });

  it('stall after the headers, once: reopened where it stopped, the exact export', async () => {
    const storage = await server((req, res, hit) => {
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (hit > 0 && range) {
        const from = Number(range[1]);
        res.writeHead(206, {
          'content-range': `bytes ${from}-${CSV.length - 1}/${CSV.length}`,
          'content-length': CSV.length - from,
        });
        return void res.end(CSV.slice(from));
      }
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': CSV.length });
      res.write(CSV.slice(0, 4000)); // then silence
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
  });

  it('stall after the headers, always: TimeoutError, no file, no hang', async () => {
    const storage = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': CSV.length });
      res.write(CSV.slice(0, 4000));
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectNoFile(await outcome(ca), TimeoutError);
  });

  it('a 206 whose Content-Range does not match is not spliced in: restarted from zero', async () => {
    const storage = await server((req, res, hit) => {
      if (hit === 1 && req.headers.range) {
        res.writeHead(206, { 'content-range': `bytes 0-99/${CSV.length}` });
        return void res.end(CSV.slice(0, 100));
      }
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': CSV.length });
      if (hit > 0) return void res.end(CSV);
      res.write(CSV.slice(0, 3000), () => res.destroy());
    });
    const { ca } = await api(() => `${storage.url}/f.csv?sig=1`);
    expectFile(await outcome(ca), CSV);
    expect(storage.requests.map((r) => r.headers.range)).toEqual([undefined, 'bytes=3000-', undefined]);
  });
});
