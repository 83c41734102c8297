// A service that echoes every credential it can in every answer: the password, the companyKey,
// the Basic token and the analyticsAccessToken, raw, percent-encoded and quoted. Not one of them
// may show in any rendering of any error, nor in anything the CLI prints (--debug, --json-log).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { type LocalServer, localServer } from '../client/support/local-server.js';
import { cliInProcess } from './support/cli.js';

const user = 'echo-user';
const password = 'Pa ss/wörd+S3cret%!';
const companyKey = 'ck-echo-9f8e7d6c';
const token = 'tok-echo-5a4b3c2d1e';
const basic = Buffer.from(`${user}:${password}`).toString('base64');
const forms = (value: string) => [
  value,
  encodeURIComponent(value),
  new URLSearchParams({ v: value }).toString().slice(2),
];
const everySecret = [...forms(password), ...forms(companyKey), ...forms(token), basic];
const echo = [
  `password=${password}`,
  `"password":"${password}"`,
  `key ${companyKey} / ${encodeURIComponent(companyKey)}`,
  `Authorization: Basic ${basic}`,
  `bare token ${basic}`,
  `"analyticsAccessToken": "${token}"`,
  `token '${token}' and ${encodeURIComponent(token)}`,
  `pct ${encodeURIComponent(password)}`,
].join(' | ');

type Mode =
  | 'status-failed'
  | 'status-fail-envelope'
  | 'status-401'
  | 'download-500'
  | 'storage-html'
  | 'storage-403';
let mode: Mode = 'status-failed';
let api: LocalServer;
let storage: LocalServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-rel-echo-'));
  storage = await localServer((_req, res) => {
    if (mode === 'storage-403') {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': token });
      return void res.end(`<Error><Message>${echo}</Message></Error>`);
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${echo}</html>`);
  });
  api = await localServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = { 'content-type': 'text/plain', 'x-request-id': `req ${companyKey}` };
    const envelope = (status: string, result: unknown, message: string | null = echo) =>
      JSON.stringify({ status, request: echo, message, result });
    if (req.method === 'POST') {
      const id = '7d3c1a2e-0000-4000-8000-000000000001';
      return void res.writeHead(200, headers).end(
        envelope('PASS', {
          workflowId: id,
          runId: 'r1',
          statusUrl: `${url.origin}/api/public/reports/report/${id}/r1/status?analyticsAccessToken=${token}`,
          downloadUrl: '',
        }),
      );
    }
    if (url.pathname.endsWith('/status')) {
      if (mode === 'status-401') return void res.writeHead(401, headers).end(echo);
      if (mode === 'status-fail-envelope')
        return void res.writeHead(200, headers).end(envelope('FAIL', echo));
      const closed =
        mode === 'status-failed'
          ? { runnerState: 'CLOSED', detail: `FAILED ${token}` }
          : { runnerState: 'CLOSED', detail: 'COMPLETED' };
      return void res
        .writeHead(200, headers)
        .end(envelope('PASS', { jobInfo: {}, result: { ...closed, reason: echo } }));
    }
    if (url.pathname.endsWith('/download')) {
      if (mode === 'download-500') return void res.writeHead(500, headers).end(envelope('FAIL', null));
      return void res.writeHead(307, { location: `${storage.url}/f.csv?X-Amz-Signature=${token}` }).end();
    }
    res.writeHead(404, headers).end(echo);
  });
});
afterAll(async () => {
  await Promise.all([api.close(), storage.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function renderings(error: unknown): Record<string, string> {
  const e = error as Error & Record<string, unknown>;
  const fields = Object.fromEntries(
    Object.keys(e).map((key) => [
      `field ${key}`,
      typeof e[key] === 'string' ? (e[key] as string) : (JSON.stringify(e[key]) ?? ''),
    ]),
  );
  return {
    message: e.message,
    string: String(e),
    stack: e.stack ?? '',
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: 8 }),
    'inspect showHidden': inspect(e, { depth: 8, showHidden: true }),
    cause: inspect(e.cause, { depth: 8 }),
    ...fields,
  };
}

function expectClean(texts: Record<string, string>): number {
  let checked = 0;
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of everySecret) {
      expect(text.includes(secret), `${secret} in ${where}: ${text}`).toBe(false);
      checked++;
    }
  }
  return checked;
}

const modes: Mode[] = [
  'status-failed',
  'status-fail-envelope',
  'status-401',
  'download-500',
  'storage-html',
  'storage-403',
];

describe('secret-echo server', () => {
  it.each(modes)('library, %s: no secret in any rendering of the error', async (m) => {
    mode = m;
    const ca = createCareAnalytics({
      baseUrl: `${api.url}/api/public`,
      username: user,
      password,
      companyKey,
      retry: { limit: 0 },
      onWarning: () => {},
    });
    const now = Date.now();
    const job = await ca.reports.start('conversation', { startTime: now - 86_400_000, endTime: now });
    const error = await (async () => {
      if (m.startsWith('status')) await job.wait({ pollIntervalMs: 1 });
      else await job.downloadToFile(join(dir, 'out.csv'));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(expectClean(renderings(error))).toBeGreaterThan(0);
  });

  // The FAIL-envelope poll is left to the library case: the CLI would wait out five polls.
  it.each(modes.filter((m) => m !== 'status-fail-envelope'))(
    'CLI with --debug and --json-log, %s: no secret on stdout or stderr',
    async (m) => {
      mode = m;
      const result = await cliInProcess(
        ['--debug', '--json-log', 'export', 'conversation', '--last', '1d', '--out', join(dir, 'cli.csv')],
        {
          cwd: dir,
          env: {
            KHOROS_ANALYTICS_URL: `${api.url}/api/public`,
            KHOROS_ANALYTICS_USER: user,
            KHOROS_ANALYTICS_PASSWORD: password,
            KHOROS_ANALYTICS_COMPANY_KEY: companyKey,
          },
        },
      );
      expect(result.code).not.toBe(0);
      // The service's words reach the output (masked); storage bodies are never quoted at all.
      if (!m.startsWith('storage')) expect(result.stderr).toContain('***');
      expectClean({ stdout: result.stdout, stderr: result.stderr });
    },
  );
});
