// Export jobs and their lifecycle. Time drives everything: a job's state is worked out from the
// clock whenever someone asks (no timers to leak), replaying completions in order so queued jobs
// start exactly when a slot frees. The vendor's quotas: per API user 2 running and 5 queued, per
// company 4 running and 50 queued; a job over them is closed FAILED at once.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ReportType } from '../parameters/index.js';
import { countRows, type ExportFormat, generateChunks, measureExport } from './data/generate.js';
import type { DataOptions, ReportParams } from './data/params.js';
import type { JobTiming } from './options.js';

/** The vendor's reason for an export closed over the quota (see {@link LIMITS}). */
export const TOO_MANY_EXPORTS = 'User is attempting to run too many exports.';
/**
 * The vendor's export quotas the sandbox enforces: running and queued exports per API user and per
 * company; one more closes as failed with {@link TOO_MANY_EXPORTS}.
 */
export const LIMITS = { userRunning: 2, userQueued: 5, companyRunning: 4, companyQueued: 50 } as const;

export type JobState = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface Job {
  readonly workflowId: string;
  /** Base64-like with `+`, `/` and `=`, as the vendor's: clients must percent-encode it. */
  readonly runId: string;
  /** The per-job `analyticsAccessToken` of its status and download URLs. */
  readonly token: string;
  readonly username: string;
  readonly reportType: ReportType;
  readonly params: ReportParams;
  readonly format: ExportFormat;
  readonly createdAt: number;
  readonly totalCount: number;
  readonly durationMs: number;
  state: JobState;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  reason: string | null;
  /** Set by a jobFailed fault: the job runs, then fails with this reason. */
  failWith: string | undefined;
  /** Set by a foreignStatusUrl fault: the origin its URLs point at. */
  foreignOrigin: string | undefined;
  statusPolls: number;
  /** Byte length of the export, measured in the background once the job starts. */
  size: Promise<number> | undefined;
}

export interface NewJob {
  readonly username: string;
  readonly reportType: ReportType;
  readonly params: ReportParams;
  readonly format: ExportFormat;
  readonly failWith?: string | undefined;
  readonly overQuota?: boolean | undefined;
  readonly foreignOrigin?: string | undefined;
}

export class JobStore {
  readonly #jobs = new Map<string, Job>();
  readonly #data: DataOptions;
  readonly #duration: (job: JobTiming) => number;
  readonly #signal: AbortSignal;

  constructor(data: DataOptions, duration: (job: JobTiming) => number, signal: AbortSignal) {
    this.#data = data;
    this.#duration = duration;
    this.#signal = signal;
  }

  create(spec: NewJob, now = Date.now()): Job {
    this.advance(now);
    const totalCount = countRows(spec.reportType, spec.params, this.#data);
    const job: Job = {
      workflowId: randomUUID(),
      runId: runIdLike(),
      token: randomBytes(24).toString('base64url'),
      username: spec.username,
      reportType: spec.reportType,
      params: spec.params,
      format: spec.format,
      createdAt: now,
      totalCount,
      durationMs: Math.max(
        0,
        this.#duration({ totalCount, rangeMs: spec.params.endTime - spec.params.startTime }),
      ),
      state: 'QUEUED',
      startedAt: undefined,
      finishedAt: undefined,
      reason: null,
      failWith: spec.failWith,
      foreignOrigin: spec.foreignOrigin,
      statusPolls: 0,
      size: undefined,
    };
    const count = this.#count(job.username);
    if (spec.overQuota) {
      this.#close(job, 'FAILED', now, TOO_MANY_EXPORTS);
    } else if (count.userRunning < LIMITS.userRunning && count.companyRunning < LIMITS.companyRunning) {
      this.#start(job, now);
    } else if (count.userQueued >= LIMITS.userQueued || count.companyQueued >= LIMITS.companyQueued) {
      this.#close(job, 'FAILED', now, TOO_MANY_EXPORTS);
    }
    this.#jobs.set(job.workflowId, job);
    return job;
  }

  get(workflowId: string, now = Date.now()): Job | undefined {
    this.advance(now);
    return this.#jobs.get(workflowId);
  }

  /** Jobs created in the last 24 hours, newest first (the deprecated `/reports/jobs`). */
  recent(username: string, now = Date.now()): Job[] {
    this.advance(now);
    return [...this.#jobs.values()]
      .filter((j) => j.username === username && j.createdAt > now - 86_400_000)
      .reverse();
  }

  /** Rows done so far: grows linearly while the job runs. */
  progress(job: Job, now = Date.now()): number {
    if (job.state === 'COMPLETED') return job.totalCount;
    if (job.state !== 'RUNNING' || job.startedAt === undefined) return 0;
    const done = job.durationMs ? (now - job.startedAt) / job.durationMs : 1;
    return Math.min(job.totalCount, Math.floor(job.totalCount * done));
  }

  /** Replays every completion up to `now` in time order, starting queued jobs as slots free up. */
  advance(now: number): void {
    for (;;) {
      let next: Job | undefined;
      for (const job of this.#jobs.values()) {
        if (job.state === 'RUNNING' && (!next || endOf(job) < endOf(next))) next = job;
      }
      if (!next || endOf(next) > now) return;
      const at = endOf(next);
      if (next.failWith !== undefined) this.#close(next, 'FAILED', at, next.failWith);
      else this.#close(next, 'COMPLETED', at, null);
      for (const job of this.#jobs.values()) {
        if (job.state !== 'QUEUED') continue;
        const count = this.#count(job.username);
        if (count.userRunning < LIMITS.userRunning && count.companyRunning < LIMITS.companyRunning) {
          this.#start(job, at);
        }
      }
    }
  }

  /** Starts a job; like the real one it now builds its file: here, the file's length is measured
   * (Content-Length must be known before a download streams). */
  #start(job: Job, at: number): void {
    job.state = 'RUNNING';
    job.startedAt = at;
    job.size = measureExport(
      generateChunks(job.reportType, job.params, this.#data, job.format),
      this.#signal,
    );
    job.size.catch(() => {});
  }

  #close(job: Job, state: 'COMPLETED' | 'FAILED', at: number, reason: string | null): void {
    job.state = state;
    job.finishedAt = at;
    job.reason = reason;
  }

  #count(username: string) {
    const count = { userRunning: 0, userQueued: 0, companyRunning: 0, companyQueued: 0 };
    for (const job of this.#jobs.values()) {
      const mine = job.username === username;
      if (job.state === 'RUNNING') {
        count.companyRunning++;
        if (mine) count.userRunning++;
      } else if (job.state === 'QUEUED') {
        count.companyQueued++;
        if (mine) count.userQueued++;
      }
    }
    return count;
  }
}

const endOf = (job: Job): number => (job.startedAt ?? Number.POSITIVE_INFINITY) + job.durationMs;

function runIdLike(): string {
  const b64 = randomBytes(32).toString('base64');
  return `${b64.slice(0, 10)}+${b64.slice(11, 20)}/${b64.slice(21)}`;
}
