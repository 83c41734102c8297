import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  createCareAnalytics,
  ReportFailedError,
  ValidationError,
} from '../../../src/index.js';
import { exportServers, JOB, text } from '../support/export-servers.js';
import { credentials, observedClient, status } from '../support/observed-fetch.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const CSV = 'CONVERSATION_ID,STATUS\n1,OPEN\n2,CLOSED\n';

describe('download()', () => {
  it('follows the 307 by hand and fetches storage with no credentials', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(CSV) });
      res.end(CSV);
    });
    close = servers.close;
    const download = await servers.job().download();
    expect(download).toMatchObject({ format: 'csv', contentLength: Buffer.byteLength(CSV) });
    expect(await text(download.body)).toBe(CSV);

    const [apiRequest] = servers.api.requests;
    expect(apiRequest?.headers.authorization).toMatch(/^Basic /);
    expect(apiRequest?.url).toBe(
      `/api/public/reports/report/wf-1/ab%2Bcd%2Fef%3D%3D/download?companyKey=${credentials.companyKey}`,
    );
    const [storageRequest] = servers.storage.requests;
    expect(storageRequest?.headers.authorization).toBeUndefined();
    expect(storageRequest?.url).toBe('/exports/file-1.csv?X-Amz-Signature=sig1&X-Amz-Expires=60');
    expect(JSON.stringify(storageRequest?.headers)).not.toContain(credentials.companyKey);
  });

  it('asks /download once more when storage rejects an expired URL', async () => {
    const servers = await exportServers((_req, res, hit) => {
      if (hit === 0) {
        res
          .writeHead(403, { 'content-type': 'application/xml' })
          .end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      res.writeHead(200).end(CSV);
    });
    close = servers.close;
    expect(await text((await servers.job().download()).body)).toBe(CSV);
    expect(servers.downloads()).toBe(2);
    expect(servers.storage.requests.map((r) => r.url)).toEqual([
      '/exports/file-1.csv?X-Amz-Signature=sig1&X-Amz-Expires=60',
      '/exports/file-2.csv?X-Amz-Signature=sig2&X-Amz-Expires=60',
    ]);
  });

  it('gives up after the second rejection, without leaking the signature', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(400).end('SignatureDoesNotMatch sig2');
    });
    close = servers.close;
    const error = await servers
      .job()
      .download()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/rejected the download URL twice/);
    expect(JSON.stringify(error)).not.toContain('sig2');
    expect(servers.downloads()).toBe(2);
  });

  it.each([
    [
      'failed',
      status('CLOSED', 'FAILED', { reason: 'Index unavailable' }),
      ReportFailedError,
      /Index unavailable/,
    ],
    [
      'still running',
      status('RUNNING', '', { currentCount: 40, totalCount: 90 }),
      ApiError,
      /still running \(40 of 90 rows\): wait\(\)/,
    ],
  ])(
    'on the bare 400 /download gives a %s job, asks the status once and says which',
    async (_name, answer, type, message) => {
      const { ca, requests } = observedClient((request) =>
        request.url.pathname.endsWith('/download')
          ? new Response(JSON.stringify({ status: 'FAIL', message: 'Bad Request', result: null }), {
              status: 400,
            })
          : answer,
      );
      const error = await ca.reports
        .resume({ ...JOB, format: 'csv' })
        .download()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
      expect(requests.map((r) => r.url.pathname.split('/').at(-1))).toEqual(['download', 'status']);
    },
  );

  it('reads a 2xx from /download as the envelope it is, never as the export', async () => {
    for (const [body, type, message] of [
      [
        '{"status":"FAIL","message":"no such job","result":null}',
        'application/json',
        /FAIL envelope.*no such job/,
      ],
      [
        '<html><body>Maintenance</body></html>',
        'text/html',
        /answered 200 with text\/html instead of a redirect/,
      ],
      ['[{"a":"1"}]', 'application/json', /instead of a redirect to the file/],
    ] as const) {
      const servers = await exportServers(() => {}, {
        direct: (_req, res) => {
          res.writeHead(200, { 'content-type': type });
          res.end(body);
        },
      });
      const error = await servers
        .job('json')
        .download()
        .catch((e: unknown) => e);
      await servers.close();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(200);
      expect((error as Error).message).toMatch(message);
      expect(servers.storage.requests).toHaveLength(0);
    }
  });

  it('follows a further storage redirect, still without credentials', async () => {
    const servers = await exportServers((req, res) => {
      if (req.url?.startsWith('/exports/')) {
        res.writeHead(302, { location: '/moved/file.csv?sig=abc' }).end();
        return;
      }
      res.writeHead(200).end(CSV);
    });
    close = servers.close;
    expect(await text((await servers.job().download()).body)).toBe(CSV);
    expect(servers.storage.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/exports/file-1.csv?X-Amz-Signature=sig1&X-Amz-Expires=60', undefined],
      ['/moved/file.csv?sig=abc', undefined],
    ]);
  });

  it('release(chunk) lets the download read the next bytes into that chunk: exact bytes, one or two buffers', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024).map((_, i) => i % 251);
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    close = servers.close;
    const result = await servers.job().download();
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    await new Promise<void>((resolve, reject) => {
      result.readable.on('data', (chunk: Buffer) => {
        copies.push(Buffer.from(chunk));
        buffers.add(chunk.buffer);
        result.release(chunk);
      });
      result.readable.on('end', resolve).on('error', reject);
    });
    expect(Buffer.concat(copies).equals(body)).toBe(true);
    expect(buffers.size).toBeLessThanOrEqual(2);
    result.release(Buffer.from('not a chunk of this download')); // ignored
  });

  it('fails when the body ends before its Content-Length (real socket)', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write('x'.repeat(400));
      setTimeout(() => res.destroy(), 20);
    });
    close = servers.close;
    const download = await servers.job().download();
    const error = await text(download.body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('fails on a Content-Length mismatch in either direction (injected fetch)', async () => {
    for (const [declared, actual, message] of [
      [10, 'short', /got 5 of 10 bytes/],
      [3, 'longer', /larger than its Content-Length of 3/],
    ] as const) {
      const { ca } = observedClient((request) =>
        request.url.pathname.endsWith('/download')
          ? new Response(null, { status: 307, headers: { location: 'https://storage.example.test/f?sig=1' } })
          : new Response(actual, { status: 200, headers: { 'content-length': String(declared) } }),
      );
      const download = await ca.reports.resume({ ...JOB, format: 'csv' }).download();
      await expect(text(download.body)).rejects.toThrow(message);
    }
  });

  it('rejects mid-body with AbortError when the caller aborts', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(64 * 1024)); // then stall
    });
    close = servers.close;
    const controller = new AbortController();
    const download = await servers.job().download({ signal: controller.signal });
    const reader = download.body.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not apply the per-request timeout to a long body once headers are in', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200);
      let sent = 0;
      const tick = setInterval(() => {
        res.write('row\n');
        if (++sent === 10) {
          clearInterval(tick);
          res.end();
        }
      }, 30);
    });
    close = servers.close;
    const ca = createCareAnalytics({
      baseUrl: `${servers.api.url}/api/public`,
      ...credentials,
      timeoutMs: 100,
    });
    const body = await text((await ca.reports.resume({ ...JOB, format: 'csv' }).download()).body);
    expect(body).toBe('row\n'.repeat(10));
  });

  it("refuses a plain-http storage URL off loopback as the service's fault (ApiError)", async () => {
    const { ca, requests } = observedClient(
      () =>
        new Response(null, { status: 307, headers: { location: 'http://storage.example.invalid/f?sig=1' } }),
    );
    const error = await ca.reports
      .resume({ ...JOB, format: 'csv' })
      .download()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/service's redirect was refused.*plain http/);
    expect(requests).toHaveLength(1);
  });
});
