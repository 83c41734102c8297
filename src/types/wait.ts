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
  /** Delay before the first poll (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Cap of the growing delay between polls (default 30 s). */
  readonly maxPollIntervalMs?: number;
}
