import type { ReportType } from '../../../generated/report-parameters.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import type { QueuedProgress, QuotaRetryOptions, RunOptions, StartOptions } from '../../types/scheduling.js';
import { sleep } from '../async/sleep.js';
import type { ReportJob } from '../job/report-job.js';
import { startDeadline } from './deadline.js';
import { JobSlots, type SlotLease } from './job-slots.js';
import { isQuotaRefusal } from './quota-refusal.js';

/** The service allows 2 running plus 5 queued exports per API user: 7 jobs at a time. */
export const DEFAULT_MAX_CONCURRENT_JOBS = 7;
const DEFAULT_RUN_TIMEOUT_MS = 3_600_000;
export const defaultQuotaRetry: Required<QuotaRetryOptions> = { baseDelayMs: 2_000, maxDelayMs: 60_000 };

export type StartJob<T extends ReportType> = (lease: SlotLease, signal: AbortSignal) => Promise<ReportJob<T>>;

/**
 * Each client's job scheduler. A start first takes a slot (waiting, in order, while the client
 * already holds its limit of jobs), then sends the run call; the job gives the slot back when
 * the client sees it closed. `run` also sends a start again when the service refused it as over
 * quota, with jittered backoff until the caller's deadline.
 */
export class Scheduler {
  readonly slots: JobSlots;
  readonly #quotaRetry: Required<QuotaRetryOptions>;
  readonly #random: () => number;

  constructor(maxConcurrentJobs: number, quotaRetry: Required<QuotaRetryOptions>, random = Math.random) {
    this.slots = new JobSlots(maxConcurrentJobs);
    this.#quotaRetry = quotaRetry;
    this.#random = random;
  }

  async start<T extends ReportType>(
    startJob: StartJob<T>,
    options: StartOptions = {},
  ): Promise<ReportJob<T>> {
    const deadline = startDeadline(options.queueTimeoutMs, options.signal);
    const queuedAt = Date.now();
    try {
      const lease = await this.slots.acquire(deadline.signal, (jobsAhead) =>
        options.onProgress?.(queuedProgress(jobsAhead, Date.now() - queuedAt)),
      );
      try {
        return await startJob(lease, deadline.signal);
      } catch (error) {
        lease.release();
        throw error;
      }
    } catch (error) {
      throw deadline.translate(error, 'No job slot became free');
    } finally {
      deadline.dispose();
    }
  }

  async run<T extends ReportType>(startJob: StartJob<T>, options: RunOptions = {}): Promise<ReportJob<T>> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
    const deadline = startDeadline(timeoutMs, options.signal);
    const { onProgress, signal: _signal, timeoutMs: _timeout, ...polling } = options;
    let refused: unknown;
    try {
      for (let refusals = 0; ; refusals++) {
        try {
          const job = await this.start(startJob, {
            signal: deadline.signal,
            ...(onProgress ? { onProgress } : {}),
          });
          await job.wait({
            ...polling,
            signal: deadline.signal,
            timeoutMs: deadline.remainingMs(),
            ...(onProgress ? { onProgress } : {}),
          });
          return job;
        } catch (error) {
          if (!isQuotaRefusal(error) || deadline.signal.aborted) throw error;
          refused = error;
          const delay = this.#backoff(refusals);
          // Out of time: the refusal itself is the answer (ReportFailedError or RateLimitError).
          if (Date.now() + delay >= deadline.at) throw error;
          await sleep(delay, deadline.signal);
        }
      }
    } catch (error) {
      const translated = deadline.translate(error, 'The report did not finish');
      // Time ran out while retrying a refused start: the refusal itself is the answer.
      throw translated instanceof TimeoutError && refused !== undefined ? refused : translated;
    } finally {
      deadline.dispose();
    }
  }

  /** Full jitter: uniform in [0, min(max, base·2^n)), so refused clients do not retry in step. */
  #backoff(refusals: number): number {
    const { baseDelayMs, maxDelayMs } = this.#quotaRetry;
    return Math.floor(this.#random() * Math.min(maxDelayMs, baseDelayMs * 2 ** refusals));
  }
}

function queuedProgress(jobsAhead: number, elapsedMs: number): QueuedProgress {
  return { state: 'queued', jobsAhead, message: `queued behind ${jobsAhead} jobs`, elapsedMs };
}
