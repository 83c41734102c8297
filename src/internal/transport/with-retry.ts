import { CareAnalyticsError } from '../../errors/care-analytics-error.js';
import { ConnectionError } from '../../errors/connection-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import { redactText } from '../../redaction/redact-text.js';
import type { Hooks } from '../../types/hooks.js';
import { abortError, throwIfAborted } from '../async/abort-error.js';
import { sleep } from '../async/sleep.js';
import { errorFromResponse } from '../envelope/error-from-response.js';
import { requestIdOf } from '../envelope/response-context.js';
import { attemptSignal } from './attempt-signal.js';
import { failedBeforeSend } from './classify-network-error.js';
import { backoffDelay, parseRetryAfter, type RetryPolicy, runSafeStatusCodes } from './retry-policy.js';

export interface RetryContext {
  readonly policy: RetryPolicy;
  /** Told of every attempt, answer and retry (URLs without their query). */
  readonly hooks: Hooks;
  /** Per-attempt timeout, up to the response headers (and body, unless streaming). */
  readonly timeoutMs: number;
  readonly secrets: readonly string[];
  readonly signal?: AbortSignal | undefined;
  /**
   * False for the run call: it creates a job, so it is repeated only when the first attempt
   * provably did not (see `failedBeforeSend` and `runSafeStatusCodes`). Timeouts and resets
   * after sending leave the outcome unknown and are never retried for it.
   */
  readonly idempotent: boolean;
  /** Statuses returned to the caller instead of becoming errors. */
  readonly accept: (status: number) => boolean;
  /** Keep the caller's abort attached to the body after the headers arrive. */
  readonly streaming: boolean;
  /** For error messages: method and a URL without its query. */
  readonly method: string;
  readonly url: string;
  /** Waits before each attempt until the client may send (a client-wide pause or budget). */
  readonly beforeAttempt?: ((signal: AbortSignal | undefined) => Promise<void>) | undefined;
}

export interface Attempted {
  readonly response: Response;
  readonly errorBody?: unknown;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

/** The wait before another attempt, told to onRetry; the error itself when it would pass the deadline. */
async function pause(
  context: RetryContext,
  deadlineAt: number,
  attempt: number,
  delayMs: number,
  error: Error,
  status?: number,
): Promise<void> {
  if (Date.now() + delayMs >= deadlineAt) throw error;
  const { method, url } = context;
  context.hooks.onRetry?.({ method, url, attempt, delayMs, status, error });
  await sleep(delayMs, context.signal);
}

/** Runs `attempt` until it yields an accepted status, following the policy (ky-like). */
export async function withRetry<T extends Attempted>(
  context: RetryContext,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { policy, secrets, method, url, hooks } = context;
  const deadlineAt = Date.now() + policy.totalTimeoutMs;
  for (let retry = 0; ; retry++) {
    const attempt = retry + 1;
    throwIfAborted(context.signal);
    await context.beforeAttempt?.(context.signal);
    const remaining = deadlineAt - Date.now();
    const budget = Math.min(context.timeoutMs, remaining);
    if (budget <= 0) throw new TimeoutError(`${method} ${url}: total timeout reached`, policy.totalTimeoutMs);
    const guard = attemptSignal(context.signal, budget);
    const canRetry = retry < policy.limit;
    let outcome: T;
    try {
      hooks.onRequest?.({ method, url, attempt });
      outcome = await send(guard.signal);
    } catch (error) {
      guard.dispose();
      if (context.signal?.aborted) throw abortError(context.signal);
      if (error instanceof CareAnalyticsError) throw error;
      if (guard.timedOut()) {
        const timeout = new TimeoutError(`${method} ${url}: no response within ${budget} ms`, budget);
        if (!context.idempotent || !canRetry) throw timeout;
        await pause(context, deadlineAt, attempt, backoffDelay(retry, policy), timeout);
        continue;
      }
      const failure = new ConnectionError(`${method} ${url} failed: ${describe(error)}`, url, {
        cause: error,
        secrets,
      });
      if (!(context.idempotent || failedBeforeSend(error)) || !canRetry) throw failure;
      await pause(context, deadlineAt, attempt, backoffDelay(retry, policy), failure);
      continue;
    }
    const { response } = outcome;
    if (hooks.onResponse) {
      const requestId = requestIdOf(response.headers);
      // A request id is the server's text: it may echo a credential, so hooks get it scrubbed.
      const shownId = requestId === undefined ? undefined : redactText(requestId, secrets);
      hooks.onResponse({ method, url, attempt, status: response.status, requestId: shownId });
    }
    if (context.accept(response.status)) {
      if (context.streaming) guard.stopTimer();
      else guard.dispose();
      return outcome;
    }
    guard.dispose();
    const requestId = requestIdOf(response.headers);
    if (response.body && !response.bodyUsed) await response.body.cancel().catch(() => {});
    const retryAfterMs = policy.afterStatusCodes.includes(response.status)
      ? parseRetryAfter(response.headers.get('retry-after'))
      : undefined;
    const error = errorFromResponse(
      { method, url, status: response.status, requestId, secrets },
      outcome.errorBody,
      response.statusText,
      retryAfterMs,
    );
    const retryable = policy.statusCodes.includes(response.status);
    const safe = context.idempotent || runSafeStatusCodes.includes(response.status);
    if (!retryable || !safe || !canRetry) throw error;
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw error;
    await pause(
      context,
      deadlineAt,
      attempt,
      retryAfterMs ?? backoffDelay(retry, policy),
      error,
      response.status,
    );
  }
}
