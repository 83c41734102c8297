import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  CareAnalyticsError,
  ConnectionError,
  RateLimitError,
  ServerError,
} from '../../../src/index.js';
import { basicAuthorization } from '../../../src/internal/transport/basic-auth.js';
import { redactUrl } from '../../../src/redaction/redact-url.js';
import { credentials, observedClient, window } from '../support/observed-fetch.js';

const TOKEN = 'tok-9f8e7d6c5b4a';
const secrets = [
  credentials.password,
  credentials.companyKey,
  basicAuthorization(credentials.username, credentials.password),
  basicAuthorization(credentials.username, credentials.password).slice(6),
  TOKEN,
];

function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e.stack),
    JSON.stringify(e),
    inspect(e),
    inspect(e, { depth: 10, showHidden: true }),
    String(e),
  ];
}

function expectClean(error: unknown) {
  for (const text of renderings(error)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

// A hostile server that echoes every credential back in its error text.
const echo = (status: number) => (request: { href: string; headers: Headers }) =>
  new Response(
    JSON.stringify({
      status: 'FAIL',
      message: `bad request ${request.href} auth=${request.headers.get('authorization')} password=${credentials.password} analyticsAccessToken=${TOKEN}`,
      result: null,
    }),
    { status, headers: { 'x-request-id': 'req-42' } },
  );

describe('redaction', () => {
  it.each([
    [401, AuthenticationError],
    [403, AuthenticationError],
    [429, RateLimitError],
    [500, ServerError],
    [400, ApiError],
  ])('HTTP %i → %o with status, request id and no secret', async (code, type) => {
    const { ca } = observedClient(echo(code), { retry: { limit: 0 } });
    const error = await ca.reports.start('author', window).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status: code, requestId: 'req-42', method: 'POST' });
    expectClean(error);
    expect((error as Error).message).toContain('companyKey=***');
    expect((error as Error).message).toContain('Basic ***');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: type.name,
      status: code,
      requestId: 'req-42',
    });
    expect(inspect(error)).toContain('requestId');
  });

  it('keeps secrets out of a non-PASS envelope on HTTP 200', async () => {
    const { ca } = observedClient(echo(200));
    const error = await ca.teams.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expectClean(error);
  });

  it('scrubs the cause of a connection failure', async () => {
    const { ca } = observedClient(
      (request) => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`connect to ${request.href} as ${credentials.password}`), {
            code: 'ECONNRESET',
          }),
        });
      },
      { retry: { limit: 0 } },
    );
    const error = await ca.teams.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expectClean(error);
    expect(((error as Error).cause as Error & { code: string }).code).toBe('ECONNRESET');
  });

  it('masks credential-shaped text even without knowing the values', () => {
    const error = new CareAnalyticsError(
      'GET /x?companyKey=abc123&analyticsAccessToken=zzz9 Authorization: Basic dXNlcjpwYXNz',
    );
    expect(error.message).toBe('GET /x?companyKey=***&analyticsAccessToken=*** Authorization: Basic ***');
    // Prose naming the scheme stays readable: a Basic credential is base64 of `user:password`.
    expect(new CareAnalyticsError('Unauthorized: valid Basic credentials required').message).toBe(
      'Unauthorized: valid Basic credentials required',
    );
    expect(new CareAnalyticsError('Authorization: Bearer abc.def').message).toBe('Authorization: Bearer ***');
  });

  it('masks userinfo, credentials and storage signatures in URLs', () => {
    expect(
      redactUrl('https://u:p@h.example/p?companyKey=k&X-Amz-Signature=s&analyticsAccessToken=t&startTime=1'),
    ).toBe('https://h.example/p?companyKey=***&X-Amz-Signature=***&analyticsAccessToken=***&startTime=1');
  });

  it('does not expose credentials through the client or a job object', async () => {
    const { ca } = observedClient(
      () =>
        new Response(
          JSON.stringify({
            status: 'PASS',
            result: { workflowId: 'w', runId: 'r', statusUrl: `https://x/s?analyticsAccessToken=${TOKEN}` },
          }),
        ),
    );
    const job = await ca.reports.start('author', window);
    for (const text of [
      inspect(ca, { depth: 10, showHidden: true }),
      inspect(job, { depth: 10 }),
      JSON.stringify(job),
    ]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
