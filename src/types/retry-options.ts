/** Retry rules as data, in ky's terms. All durations in milliseconds. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly limit?: number;
  /** Responses worth another attempt. */
  readonly statusCodes?: readonly number[];
  /** Of those, the ones whose `Retry-After` header is honoured. */
  readonly afterStatusCodes?: readonly number[];
  /** A `Retry-After` longer than this is not waited for: the error is thrown at once. */
  readonly maxRetryAfterMs?: number;
  /** First backoff ceiling; doubles per retry. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling. */
  readonly backoffLimitMs?: number;
  /** Deadline for one call including all its retries and waits. */
  readonly totalTimeoutMs?: number;
}
