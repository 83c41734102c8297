import { ApiError } from '../../errors/api-error.js';
import { AuthenticationError } from '../../errors/authentication-error.js';
import { ConnectionError } from '../../errors/connection-error.js';
import { ReportFailedError } from '../../errors/report-failed-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import type { JobStatus } from '../../types/job-status.js';
import type { WarningHandler } from '../../types/validation-warning.js';
import type { WaitOptions } from '../../types/wait.js';
import { sleep } from '../async/sleep.js';
import { KNOWN_RUNNER_STATES } from './job-status.js';
import { defaultPollSchedule, PollPlanner, type PollSchedule } from './poll-schedule.js';

const DEFAULT_WAIT_TIMEOUT_MS = 3_600_000;

/** Failed polls in a row that end a wait: one bad answer must not end an hour-long wait. */
export const MAX_FAILED_POLLS = 5;

/**
 * A status poll is idempotent, so a poll that failed in a way that may pass (an unreadable or
 * FAIL answer with 2xx, a 5xx or 429 after the transport's own retries, a network failure or a
 * per-request timeout) is simply made again after the next pause. A refusal that will not change
 * (401/403, another 4xx) ends the wait at once.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof AuthenticationError) return false;
  if (error instanceof ApiError) return error.status < 300 || error.status === 429 || error.status >= 500;
  return error instanceof ConnectionError || error instanceof TimeoutError;
}

/**
 * Polls until the job completes (resolves with the final status) or fails (ReportFailedError).
 * One signal covers the sleeps and the status calls, so an abort or the deadline stops the
 * wait at once, even mid-sleep.
 *
 * The schedule counts from `jobStartedAt` (epoch ms: when the run call was answered, or a resumed
 * job's saved start), not from this call: the service's clock for the job started then, so time
 * spent before wait() (loading this module, the caller's own work) must not delay the polls. A
 * start in the future (another machine's clock) or unreadable counts as now.
 */
export async function waitForJob(
  poll: (signal: AbortSignal) => Promise<JobStatus>,
  options: WaitOptions,
  jobStartedAt: number,
  secrets: readonly string[],
  onWarning?: WarningHandler,
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
  const origin = Number.isFinite(jobStartedAt) ? Math.min(jobStartedAt, started) : started;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const warned = new Set<string>();
  let failedInARow = 0;
  try {
    for (let polls = 1; ; polls++) {
      await sleep(Math.max(0, planner.nextPollAt() - (Date.now() - origin)), signal);
      let status: JobStatus;
      try {
        status = await poll(signal);
        failedInARow = 0;
      } catch (error) {
        if (signal.aborted || !isTransient(error) || ++failedInARow >= MAX_FAILED_POLLS) throw error;
        planner.failed(Date.now() - origin);
        continue;
      }
      const { state, currentCount, totalCount, runnerState } = status;
      planner.observe(Date.now() - origin, currentCount, totalCount);
      if (!KNOWN_RUNNER_STATES.includes(runnerState.toUpperCase()) && !warned.has(runnerState)) {
        warned.add(runnerState);
        onWarning?.({
          code: 'unknown-job-state',
          parameter: 'runnerState',
          message: `Report ${status.workflowId} is in a state this client does not know (${runnerState}); it is treated as still running`,
        });
      }
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
