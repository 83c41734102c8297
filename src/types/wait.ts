import type { JobState, JobStatus } from './job-status.js';

export interface WaitProgress {
  readonly state: JobState;
  readonly elapsedMs: number;
  /** Polls made so far, this one included. */
  readonly polls: number;
  readonly currentCount: number | null;
  readonly totalCount: number | null;
  readonly status: JobStatus;
}

export interface WaitOptions {
  readonly signal?: AbortSignal;
  /** Give up after this long (default one hour, the longest wait public clients allow). */
  readonly timeoutMs?: number;
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
