// Public entry point: the client factory, its errors and the types callers need to name.
// Every type lives in a public module (src/types/, src/rows/, src/time/); none comes from
// src/internal/, which is the client's implementation.

export type { ReportType } from '../generated/report-rules.js';
export { reportTypes } from '../generated/report-rules.js';
export {
  type CareAnalytics,
  type CareAnalyticsOptions,
  type ClientDefaults,
  createCareAnalytics,
  type RangeParams,
} from './client.js';
export * from './errors/index.js';
export type { Row } from './rows/row.js';
export type { TimeInterval } from './time/time-interval.js';
export type { DownloadResult } from './types/download-result.js';
export type { FetchLike } from './types/fetch-like.js';
export type { Hooks, RequestEvent, ResponseEvent, RetryEvent } from './types/hooks.js';
export type { JobState, JobStatus } from './types/job-status.js';
export type {
  RangeExportOptions,
  RangeExportResult,
  RangeFormat,
  RangeProgress,
  RangeWindow,
  WindowState,
  WindowUnit,
} from './types/range-export.js';
export type { CareAnalyticsRawClient } from './types/raw-client.js';
export type { Team, TimeZone } from './types/reference-data.js';
export type { ReportJob } from './types/report-job.js';
export type { ReportFormat as ExportFormat, ReportJobIds, ReportJobState } from './types/report-job-state.js';
export type { ReportParams } from './types/report-params.js';
export type { RequestOptions } from './types/request-options.js';
export type { RetryOptions } from './types/retry-options.js';
export type { SaveOptions } from './types/save-options.js';
export type { SavedFile } from './types/saved-file.js';
export type {
  QueuedProgress,
  QuotaRetryOptions,
  RunOptions,
  RunProgress,
  StartOptions,
} from './types/scheduling.js';
export type { SyncBookmark, SyncOptions, SyncResult, SyncState, SyncWindowEvent } from './types/sync.js';
export type { TimeInput } from './types/time-input.js';
export type { ValidationWarning, WarningHandler } from './types/validation-warning.js';
export type { PollTiming, WaitOptions, WaitProgress } from './types/wait.js';
