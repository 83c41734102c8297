import { TimeoutError } from '../../errors/timeout-error.js';

export interface Deadline {
  /** Fires on the caller's abort or when the time is up. */
  readonly signal: AbortSignal;
  readonly at: number;
  remainingMs(): number;
  /** The error to throw in place of an abort the deadline (not the caller) caused. */
  translate(error: unknown, what: string): unknown;
  dispose(): void;
}

/** One deadline for a whole operation made of several waits (queue, retries, polls). */
export function startDeadline(timeoutMs: number | undefined, signal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const at = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  return {
    signal: combined,
    at,
    remainingMs: () => Math.max(1, at - Date.now()),
    translate(error, what) {
      if (!controller.signal.aborted || signal?.aborted || error instanceof TimeoutError) return error;
      return new TimeoutError(`${what} within ${timeoutMs} ms`, timeoutMs ?? 0);
    },
    dispose: () => clearTimeout(timer),
  };
}
