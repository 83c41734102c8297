import { abortError } from '../async/abort-error.js';

/** A held slot; releasing it twice is harmless. */
export interface SlotLease {
  release(): void;
}

interface Waiter {
  readonly grant: (lease: SlotLease) => void;
  readonly onPosition: ((jobsAhead: number) => void) | undefined;
}

/**
 * A first-in first-out counting semaphore over the service's per-user export quota: each export
 * this client has started and not yet seen closed holds one slot. Starts beyond the limit wait
 * here, client-side, in the order they were asked for.
 */
export class JobSlots {
  readonly limit: number;
  #held = 0;
  readonly #queue: Waiter[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  get held(): number {
    return this.#held;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /** Resolves with a lease once a slot is free; `onPosition` hears "N jobs ahead" while waiting. */
  acquire(signal?: AbortSignal, onPosition?: (jobsAhead: number) => void): Promise<SlotLease> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.#held < this.limit && this.#queue.length === 0) return Promise.resolve(this.#lease());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (lease) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(lease);
        },
        onPosition,
      };
      const onAbort = () => {
        const at = this.#queue.indexOf(waiter);
        if (at >= 0) this.#queue.splice(at, 1);
        this.#announce(at);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      onPosition?.(this.#held + this.#queue.length - 1);
    });
  }

  #lease(): SlotLease {
    this.#held++;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.#held--;
        this.#grantNext();
      },
    };
  }

  #grantNext(): void {
    if (this.#held >= this.limit) return;
    const next = this.#queue.shift();
    if (!next) return;
    next.grant(this.#lease());
    this.#announce(0);
  }

  /** Tells the waiters from index `from` on their new place in line. */
  #announce(from: number): void {
    for (let i = Math.max(0, from); i < this.#queue.length; i++) this.#queue[i]?.onPosition?.(this.#held + i);
  }
}
