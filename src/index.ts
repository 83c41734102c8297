// Public entry point: the client factory, its errors and the types callers need to name.

export type { ReportType } from '../generated/report-parameters.js';
export { reportTypes } from '../generated/report-parameters.js';
export {
  type CareAnalytics,
  type CareAnalyticsOptions,
  createCareAnalytics,
  type RangeParams,
} from './client.js';
export * from './errors/index.js';
export type { DownloadResult } from './internal/download/download-report.js';
export type { SavedFile } from './internal/download/download-to-file.js';
export type { ReportFormat as ExportFormat, ReportJobState } from './internal/job/job-state.js';
export type { JobState, JobStatus } from './internal/job/job-status.js';
export type { ReportJob, SignalOption } from './internal/job/report-job.js';
export type { WaitOptions, WaitProgress } from './internal/job/wait-for-job.js';
export type { TimeInput } from './internal/params/coerce-time.js';
export type { ReportParams } from './internal/params/report-params.js';
export type { TimeInterval } from './internal/params/time-interval.js';
export type { Team, TimeZone } from './internal/reference/list-reference-data.js';
export type { Row } from './internal/rows/row.js';
export type { FetchLike } from './internal/transport/fetch-like.js';
export type { CareAnalyticsRawClient } from './internal/transport/openapi-fetch-client.js';
export type { RetryOptions } from './internal/transport/retry-policy.js';
export type { ValidationWarning, WarningHandler } from './internal/validation/validation-warning.js';
export type {
  RangeExportOptions,
  RangeExportResult,
  RangeFormat,
  RangeProgress,
  RangeWindow,
  WindowState,
  WindowUnit,
} from './range-export.js';
export type {
  QueuedProgress,
  QuotaRetryOptions,
  RunOptions,
  RunProgress,
  StartOptions,
} from './scheduling.js';
export type { SyncBookmark, SyncOptions, SyncResult, SyncState, SyncWindowEvent } from './sync.js';
