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
 * When a wait times out or is interrupted, the job keeps running on the service: say how to pick
 * it up again instead of starting (and paying for) a new export.
 */
export function describeUnfinishedJob(job: { toJSON(): unknown }, error: unknown, context: CliContext): void {
  const name = error instanceof Error ? error.name : '';
  if (name !== 'TimeoutError' && name !== 'AbortError') return;
  const saved = JSON.stringify(job.toJSON());
  context.stderr.write(
    `The job is still running on the service. Resume it with:\n  care-analytics wait '${saved}'\n  care-analytics download '${saved}' --out <path>\n`,
  );
}
