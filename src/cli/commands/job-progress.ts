import type { CliContext } from '../context.js';
import type { ProgressSnapshot } from '../progress/progress.js';

export interface PollProgress {
  readonly state: 'running' | 'completed' | 'failed';
  readonly polls: number;
  readonly currentCount: number | null;
  readonly totalCount: number | null;
}

/** A status poll as the progress display shows it. */
export function progressFromPoll(poll: PollProgress): Partial<ProgressSnapshot> {
  return {
    phase: 'waiting',
    polls: poll.polls,
    currentCount: poll.currentCount,
    totalCount: poll.totalCount,
  };
}

/**
 * When a command stops after the job was started (timeout, Ctrl-C, a failed download), the job
 * lives on at the service: say how to pick it up instead of starting (and paying for) a new export.
 */
export function describeUnfinishedJob(
  job: { toJSON(): unknown },
  completed: boolean,
  error: unknown,
  context: CliContext,
): void {
  const name = error instanceof Error ? error.name : '';
  if (name === 'ReportFailedError' || name === 'UsageError' || name === 'ValidationError') return;
  const saved = `'${JSON.stringify(job.toJSON())}'`;
  context.stderr.write(
    completed
      ? `The export is ready on the service. Download it with:\n  care-analytics download ${saved} --out <path>\n`
      : `The job is still running on the service. Resume it with:\n  care-analytics wait ${saved}\n  care-analytics download ${saved} --out <path>\n`,
  );
}
