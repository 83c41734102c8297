/** Marks an abort caused by the per-attempt timer rather than by the caller. */
export class AttemptTimedOut extends Error {
  override readonly name = 'AttemptTimedOut';
}

export interface AttemptSignal {
  readonly signal: AbortSignal;
  readonly timedOut: () => boolean;
  /** Stop the timer (headers are in); the caller's signal still aborts a streamed body. */
  readonly stopTimer: () => void;
  /** Stop the timer and unlink from the caller's signal. */
  readonly dispose: () => void;
}

/**
 * One signal per attempt that fires on the caller's abort or when `timeoutMs` passes. The
 * timeout is our own timer (not AbortSignal.timeout) so it can be stopped once a streamed
 * response starts: a long download must not be cut by the per-request timeout.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new AttemptTimedOut()), Math.max(0, timeoutMs));
  const onAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.reason instanceof AttemptTimedOut,
    stopTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
