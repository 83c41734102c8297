import type { JobState, JobStatus } from './job-status.js';

/** What `onProgress` hears after each status poll of `job.wait()`. */
export interface WaitProgress {
  readonly state: JobState;
  readonly elapsedMs: number;
  /** Polls made so far, this one included. */
  readonly polls: number;
  readonly currentCount: number | null;
  readonly totalCount: number | null;
  readonly status: JobStatus;
}

/**
 * How `job.wait()` and `ca.reports.run()` poll: a deadline, an `AbortSignal`, a progress callback.
 *
 * @example
 * ```ts
 * await job.wait({ onProgress: (p) => console.log(p.state, p.currentCount, p.totalCount) });
 * ```
 */
export interface WaitOptions {
  readonly signal?: AbortSignal;
  /** Give up after this long (default one hour, the longest wait public clients allow). */
  readonly timeoutMs?: number;
  /** Called after every poll; the counts may be `null` (the service does not always fill them). */
  readonly onProgress?: (progress: WaitProgress) => void;
  /** Delay before the first poll, the unit of the poll ladder (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Longest gap between polls (default 30 s). */
  readonly maxPollIntervalMs?: number;
  /**
   * 'progress' (default): poll just after the finish that currentCount/totalCount predict, the
   * ladder while they do not move; 'ladder': always the ladder (1, 2, 3, 5, 10, 20, 30, 45, 60 s,
   * then every maxPollIntervalMs).
   */
  readonly pollTiming?: PollTiming;
}

/** How wait() times its polls (see WaitOptions.pollTiming). */
export type PollTiming = 'progress' | 'ladder';
