import { ApiError, type ApiErrorInit } from './api-error.js';

/** 429 after the retries ran out (or a Retry-After longer than the remaining deadline). */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  /** What the server asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), retryAfterMs: this.retryAfterMs };
  }
}
