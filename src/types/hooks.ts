// Observing the client, in the style of ky's and the Stainless SDKs' hooks. Every URL is the
// origin and path only (no query string: that is where companyKey and tokens travel), and every
// error is the client's own, already scrubbed: a hook can log what it gets as it is.

/** One HTTP attempt about to be sent. `attempt` counts from 1 (retries included). */
export interface RequestEvent {
  readonly method: string;
  /** Origin and path; never the query string. */
  readonly url: string;
  readonly attempt: number;
}

/** The status line of an attempt's answer (before its body is read). */
export interface ResponseEvent extends RequestEvent {
  readonly status: number;
  readonly requestId: string | undefined;
}

/** An attempt failed and will be repeated after `delayMs`. */
export interface RetryEvent extends RequestEvent {
  readonly delayMs: number;
  /** The status that caused it, or undefined for a timeout or a network failure. */
  readonly status: number | undefined;
  /** Why, as the error the call would have failed with (message scrubbed of secrets). */
  readonly error: Error;
}

/**
 * Observers of the client's traffic, for logs and metrics; secrets are masked before they are
 * called. A hook that throws does not stop the request.
 *
 * @example
 * ```ts
 * createCareAnalytics({ ...account, hooks: { onRetry: (e) => console.warn('retrying', e.url) } });
 * ```
 */
export interface Hooks {
  /** Before every request, retries included. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** After every response, with its status. */
  readonly onResponse?: (event: ResponseEvent) => void;
  /** Before a retry, with why and after how long. */
  readonly onRetry?: (event: RetryEvent) => void;
}
