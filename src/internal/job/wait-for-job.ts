import { ReportFailedError } from '../../errors/report-failed-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import { sleep } from '../async/sleep.js';
import type { JobState, JobStatus } from './job-status.js';
import { defaultPollSchedule, PollPlanner, type PollSchedule, type PollTiming } from './poll-schedule.js';

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
   * ladder while they do not move; 'ladder': always the ladder (see poll-schedule.ts for the rule).
   */
  readonly pollTiming?: PollTiming;
}

const DEFAULT_WAIT_TIMEOUT_MS = 3_600_000;

/**
 * Polls until the job completes (resolves with the final status) or fails (ReportFailedError).
 * One signal covers the sleeps and the status calls, so an abort or the deadline stops the
 * wait at once, even mid-sleep.
 */
export async function waitForJob(
  poll: (signal: AbortSignal) => Promise<JobStatus>,
  options: WaitOptions,
  secrets: readonly string[],
): Promise<JobStatus> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const schedule: PollSchedule = {
    ...defaultPollSchedule,
    ...(options.pollIntervalMs === undefined ? {} : { initialIntervalMs: options.pollIntervalMs }),
    ...(options.maxPollIntervalMs === undefined ? {} : { maxIntervalMs: options.maxPollIntervalMs }),
    ...(options.pollTiming === undefined ? {} : { timing: options.pollTiming }),
  };
  const planner = new PollPlanner(schedule);
  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  try {
    for (let polls = 1; ; polls++) {
      await sleep(Math.max(0, planner.nextPollAt() - (Date.now() - started)), signal);
      const status = await poll(signal);
      const { state, currentCount, totalCount } = status;
      planner.observe(Date.now() - started, currentCount, totalCount);
      options.onProgress?.({
        state,
        elapsedMs: Date.now() - started,
        polls,
        currentCount,
        totalCount,
        status,
      });
      if (state === 'completed') return status;
      if (state === 'failed') throw new ReportFailedError(status, secrets);
    }
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted) {
      throw new TimeoutError(`The report did not finish within ${timeoutMs} ms`, timeoutMs);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
