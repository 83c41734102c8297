/** Marks an abort caused by the per-attempt timer rather than by the caller. */
export class AttemptTimedOut extends Error {
  override readonly name = 'AttemptTimedOut';
}

export interface AttemptSignal {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  /** Stop the timer (headers are in); the caller's signal still aborts a streamed body. */
  stopTimer(): void;
  /** Stop the timer and unlink from the caller's signal. */
  dispose(): void;
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort(new AttemptTimedOut());
}

/**
 * One attempt's signal. A class whose methods are shared (the timer calls a module function, the
 * caller's signal calls `handleEvent`), so that an attempt allocates no closures: a status poll
 * makes one of these per call.
 */
class AttemptGuard implements AttemptSignal {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.signal = this.#controller.signal;
    this.#caller = caller;
    this.#timer = setTimeout(abortOnTimeout, Math.max(0, timeoutMs), this.#controller);
    if (caller?.aborted) this.handleEvent();
    else caller?.addEventListener('abort', this, { once: true });
  }

  /** The caller's abort. */
  handleEvent(): void {
    this.#controller.abort(this.#caller?.reason);
  }

  timedOut(): boolean {
    return this.signal.reason instanceof AttemptTimedOut;
  }

  stopTimer(): void {
    clearTimeout(this.#timer);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this);
  }
}

/**
 * One signal per attempt that fires on the caller's abort or when `timeoutMs` passes. The
 * timeout is our own timer (not AbortSignal.timeout) so it can be stopped once a streamed
 * response starts: a long download must not be cut by the per-request timeout.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  return new AttemptGuard(caller, timeoutMs);
}
