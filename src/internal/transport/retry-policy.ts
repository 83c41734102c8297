import type { RetryOptions } from '../../types/retry-options.js';

export type RetryPolicy = Required<RetryOptions>;

export const defaultRetryPolicy: RetryPolicy = {
  limit: 3,
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfterMs: 60_000,
  baseDelayMs: 500,
  backoffLimitMs: 20_000,
  totalTimeoutMs: 120_000,
};

/**
 * Statuses after which a run call (POST, which creates a job) may be sent again: each says the
 * request was refused before any job was created. 408: the server never got the whole request;
 * 429: rejected by the rate limiter; 503: the service refused to take work. 500/502/504 are NOT
 * here: a gateway may have passed the request on and a job may exist.
 */
export const runSafeStatusCodes: readonly number[] = [408, 429, 503];

export function resolveRetryPolicy(options: RetryOptions | undefined): RetryPolicy {
  return { ...defaultRetryPolicy, ...options };
}

/** Full jitter (AWS architecture blog): uniform in [0, min(limit, base·2^retry)). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.backoffLimitMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
