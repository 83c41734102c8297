import type { JobStatus } from '../types/job-status.js';
import { CareAnalyticsError } from './care-analytics-error.js';

/** The export job ended CLOSED without COMPLETED. */
export class ReportFailedError extends CareAnalyticsError {
  override readonly name: string = 'ReportFailedError';
  readonly reason: string | null;
  readonly status: JobStatus;

  constructor(status: JobStatus, secrets: readonly string[] = []) {
    const why = status.reason ? `: ${status.reason}` : '';
    super(
      `Report ${status.workflowId} failed (${status.runnerState}/${status.detail || 'no detail'})${why}`,
      {
        secrets,
      },
    );
    this.reason = status.reason;
    this.status = status;
  }

  protected override details(): Record<string, unknown> {
    return { reason: this.reason, status: this.status };
  }
}
