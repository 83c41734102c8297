import type { ReportType } from '../../generated/report-parameters.js';

/** The file format of an export (`reportFormat`); `json` unless the parameters say `csv`. */
export type ReportFormat = 'json' | 'csv';

/**
 * What `job.toJSON()` returns and `reports.resume()` accepts: enough to poll and download from
 * another process. It holds no secret (no companyKey, no access token): the resuming client
 * brings its own credentials.
 */
export interface ReportJobState {
  readonly kind: 'khoros-care-analytics/report-job';
  readonly version: 1;
  readonly workflowId: string;
  readonly runId: string;
  readonly reportType: ReportType;
  readonly format: ReportFormat;
  readonly startedAt: string;
}

/** A job known only by its ids (started by another tool): `reports.resume()` accepts it too. */
export type ReportJobIds = Pick<ReportJobState, 'workflowId' | 'runId' | 'reportType' | 'format'>;
