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

export interface Hooks {
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onResponse?: (event: ResponseEvent) => void;
  readonly onRetry?: (event: RetryEvent) => void;
}
