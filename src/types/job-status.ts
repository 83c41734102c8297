/**
 * Where an export job stands: `running` (queued or running), `completed` (its file can be
 * downloaded) or `failed` (closed without a file; the status says why).
 */
export type JobState = 'running' | 'completed' | 'failed';

/** One status poll, normalized (docs/vendor-notes.md §4). */
export interface JobStatus {
  readonly state: JobState;
  readonly workflowId: string;
  readonly runnerState: string;
  readonly detail: string;
  readonly reason: string | null;
  readonly currentCount: number | null;
  readonly totalCount: number | null;
}
