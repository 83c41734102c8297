import type { RetryOptions } from './retry-options.js';

/** What every call takes besides its own arguments: overrides of the client's defaults for this call. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call, instead of the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** Retry rules for this call, merged over the client's `retry`. */
  readonly retry?: RetryOptions;
}
