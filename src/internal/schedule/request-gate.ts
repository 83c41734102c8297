import { sleep } from '../async/sleep.js';
import { parseRetryAfter } from '../transport/retry-policy.js';

/**
 * The door every API request of one client goes through. A 429 with `Retry-After` on any call
 * closes it for that long (the service throttles the API user, not the one call), and an
 * optional budget of requests per minute spaces all calls evenly.
 */
export class RequestGate {
  readonly #intervalMs: number;
  #pausedUntil = 0;
  #nextAt = 0;

  constructor(requestsPerMinute: number | undefined) {
    this.#intervalMs = requestsPerMinute === undefined ? 0 : 60_000 / requestsPerMinute;
  }

  /** Waits until the client may send its next request. */
  async ready(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (this.#pausedUntil > now) {
        await sleep(this.#pausedUntil - now, signal);
        continue;
      }
      if (this.#intervalMs === 0) return;
      const at = Math.max(now, this.#nextAt);
      this.#nextAt = at + this.#intervalMs;
      if (at > now) await sleep(at - now, signal);
      // A 429 may have arrived while this request waited its turn.
      if (this.#pausedUntil <= Date.now()) return;
    }
  }

  /** Looks at every API response: a 429 that says how long to wait pauses the whole client. */
  observe(response: Response): void {
    if (response.status !== 429) return;
    const waitMs = parseRetryAfter(response.headers.get('retry-after'));
    if (waitMs !== undefined) this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + waitMs);
  }
}
