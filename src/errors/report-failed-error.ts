import { redactText } from '../redaction/redact-text.js';
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
    // The service's own words may echo a credential: every text field is scrubbed like the message.
    const scrub = (text: string) => redactText(text, secrets);
    this.reason = status.reason === null ? null : scrub(status.reason);
    this.status = Object.freeze({
      ...status,
      workflowId: scrub(status.workflowId),
      runnerState: scrub(status.runnerState),
      detail: scrub(status.detail),
      reason: this.reason,
    });
  }

  protected override details(): Record<string, unknown> {
    return { reason: this.reason, status: this.status };
  }
}
