import { ReportFailedError } from '../../errors/report-failed-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import type { JobStatus } from '../../types/job-status.js';
import type { WaitOptions } from '../../types/wait.js';
import { sleep } from '../async/sleep.js';
import { defaultPollSchedule, type PollSchedule, pollDelay } from './poll-schedule.js';

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
  };
  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  try {
    for (let polls = 1; ; polls++) {
      await sleep(pollDelay(polls - 1, schedule), signal);
      const status = await poll(signal);
      const { state, currentCount, totalCount } = status;
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
