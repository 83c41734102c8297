// Public types of the client's job scheduler: the options of `createCareAnalytics` that shape it
// and what `reports.start()` / `reports.run()` report while a start waits for a free slot.
import type { RequestOptions } from './request-options.js';
import type { WaitOptions, WaitProgress } from './wait.js';

/** Backoff between starts the service refused as over its export quota. */
export interface QuotaRetryOptions {
  /** First backoff ceiling in ms (default 2,000); doubles per refusal, with full jitter. */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 60,000). */
  readonly maxDelayMs?: number;
}

/** Reported while a start waits for one of the client's job slots. */
export interface QueuedProgress {
  readonly state: 'queued';
  /** Jobs this client holds or that wait ahead of this start. */
  readonly jobsAhead: number;
  /** `queued behind 9 jobs`. */
  readonly message: string;
  readonly elapsedMs: number;
}

/** What `reports.run()` reports: the queue position first, then every status poll. */
export type RunProgress = QueuedProgress | WaitProgress;

export interface StartOptions extends RequestOptions {
  /** Give up waiting for a free job slot after this long (default: wait as long as it takes). */
  readonly queueTimeoutMs?: number;
  /** Called when the start has to wait for a slot, and whenever its place in the queue changes. */
  readonly onProgress?: (progress: QueuedProgress) => void;
}

/**
 * How `ca.reports.run()` starts and waits: {@link WaitOptions} plus a deadline for the whole run.
 *
 * @example `await ca.reports.run('author', { startTime, endTime }, { timeoutMs: 3_600_000, onProgress: console.log });`
 */
export interface RunOptions extends Omit<WaitOptions, 'onProgress'> {
  /** Deadline of the whole run: the wait for a slot, refused starts retried, and the job itself. */
  readonly timeoutMs?: number;
  /** Called with the queue position first, then after every status poll. */
  readonly onProgress?: (progress: RunProgress) => void;
}
