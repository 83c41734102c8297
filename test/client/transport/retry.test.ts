import { describe, expect, it } from 'vitest';
import { ConnectionError, RateLimitError, ServerError, TimeoutError } from '../../../src/index.js';
import { failedBeforeSend } from '../../../src/internal/transport/classify-network-error.js';
import {
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
} from '../../../src/internal/transport/retry-policy.js';
import { observedClient, pass, started, window } from '../support/observed-fetch.js';

const refused = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
const reset = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });

describe('retry policy as data', () => {
  it('retries 408/429/500/502/503/504 and honours Retry-After on 429/503', () => {
    expect(defaultRetryPolicy.statusCodes).toEqual([408, 429, 500, 502, 503, 504]);
    expect(defaultRetryPolicy.afterStatusCodes).toEqual([429, 503]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, backoffLimitMs: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(200);
  });

  it('knows which network failures happened before sending', () => {
    expect(failedBeforeSend(refused())).toBe(true);
    expect(
      failedBeforeSend(
        new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ENOTFOUND' }) }),
      ),
    ).toBe(true);
    expect(
      failedBeforeSend(
        new TypeError('fetch failed', {
          cause: new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })]),
        }),
      ),
    ).toBe(true);
    expect(failedBeforeSend(reset())).toBe(false);
    expect(failedBeforeSend(new TypeError('fetch failed'))).toBe(false);
  });
});

describe('GET calls', () => {
  it('retry retryable statuses and connection errors, then succeed', async () => {
    const answers = [
      () => new Response('', { status: 503 }),
      reset,
      () => new Response('', { status: 502 }),
      () => pass([]),
    ];
    const { ca, requests } = observedClient((_r, i) => {
      const answer = answers[i]?.();
      if (answer instanceof Error) throw answer;
      return answer as Response;
    });
    await expect(ca.teams.list()).resolves.toEqual([]);
    expect(requests).toHaveLength(4);
  });

  it('stop after `limit` retries with the last error', async () => {
    const { ca, requests } = observedClient(() => new Response('boom', { status: 500 }), {
      retry: { limit: 2, baseDelayMs: 1 },
    });
    await expect(ca.teams.list()).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(3);
  });

  it('do not retry other 4xx', async () => {
    const { ca, requests } = observedClient(() => new Response('', { status: 404 }));
    await expect(ca.teams.list()).rejects.toMatchObject({ status: 404 });
    expect(requests).toHaveLength(1);
  });

  it('use Retry-After as the delay: within maxRetryAfterMs it retries, beyond it throws at once', async () => {
    const answer = (retryAfter: string) => (_r: unknown, i: number) =>
      i === 0 ? new Response('', { status: 503, headers: { 'retry-after': retryAfter } }) : pass([]);
    const soon = observedClient(answer('0'), { retry: { maxRetryAfterMs: 500 } });
    await expect(soon.ca.teams.list()).resolves.toEqual([]);
    expect(soon.requests).toHaveLength(2);
    const late = observedClient(answer('1'), { retry: { maxRetryAfterMs: 500 } });
    await expect(late.ca.teams.list()).rejects.toBeInstanceOf(ServerError);
    expect(late.requests).toHaveLength(1);
    const pastDeadline = observedClient(answer('5'), { retry: { totalTimeoutMs: 1000 } });
    await expect(pastDeadline.ca.teams.list()).rejects.toBeInstanceOf(ServerError);
    expect(pastDeadline.requests).toHaveLength(1);
  });

  it('throw RateLimitError at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { ca, requests } = observedClient(
      () => new Response('', { status: 429, headers: { 'retry-after': '3600' } }),
    );
    const error = await ca.teams.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(requests).toHaveLength(1);
  });

  it('time out a hanging attempt, retry it, and give up with TimeoutError', async () => {
    const { ca, requests } = observedClient(() => new Promise<Response>(() => {}), {
      timeoutMs: 20,
      retry: { limit: 1, baseDelayMs: 1 },
    });
    await expect(ca.teams.list()).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.signal.aborted)).toBe(true);
  });

  it('stop at the total deadline even with retries left', async () => {
    const { ca, requests } = observedClient(() => new Promise<Response>(() => {}), {
      timeoutMs: 30,
      retry: { limit: 100, baseDelayMs: 1, totalTimeoutMs: 100 },
    });
    await expect(ca.teams.list()).rejects.toBeInstanceOf(TimeoutError);
    expect(requests.length).toBeLessThan(10);
  });

  it('reject with AbortError when the caller aborts, without retrying', async () => {
    const controller = new AbortController();
    const { ca, requests } = observedClient(() => {
      setTimeout(() => controller.abort(), 5);
      return new Promise<Response>(() => {});
    });
    const error = await ca.teams.list({ signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(requests).toHaveLength(1);
  });

  it('reject an already-aborted signal before sending anything', async () => {
    const { ca, requests } = observedClient(() => pass([]));
    await expect(ca.teams.list({ signal: AbortSignal.abort('stop') })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('the run call (POST, creates a job)', () => {
  it.each([408, 429, 503])('is retried after %i: the job was not created', async (code) => {
    const { ca, requests } = observedClient((_r, i) =>
      i === 0 ? new Response('', { status: code }) : started(),
    );
    await expect(ca.reports.start('author', window)).resolves.toMatchObject({ runId: 'ab+cd/ef==' });
    expect(requests).toHaveLength(2);
  });

  it.each([500, 502, 504])('is NOT retried after %i: a job may exist', async (code) => {
    const { ca, requests } = observedClient(() => new Response('', { status: code }));
    await expect(ca.reports.start('author', window)).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
  });

  it('is retried when the connection was refused (nothing was sent)', async () => {
    const { ca, requests } = observedClient((_r, i) => {
      if (i === 0) throw refused();
      return started();
    });
    await expect(ca.reports.start('author', window)).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
  });

  it('is NOT retried after a reset or a timeout (the outcome is unknown)', async () => {
    const resetCase = observedClient(() => {
      throw reset();
    });
    await expect(resetCase.ca.reports.start('author', window)).rejects.toBeInstanceOf(ConnectionError);
    expect(resetCase.requests).toHaveLength(1);
    const hang = observedClient(() => new Promise<Response>(() => {}), { timeoutMs: 20 });
    await expect(hang.ca.reports.start('author', window)).rejects.toBeInstanceOf(TimeoutError);
    expect(hang.requests).toHaveLength(1);
  });
});
