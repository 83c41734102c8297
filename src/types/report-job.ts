import type { ReportType } from '../../generated/report-parameters.js';
import type { Row } from '../rows/row.js';
import type { DownloadResult } from './download-result.js';
import type { JobStatus } from './job-status.js';
import type { ReportFormat, ReportJobState } from './report-job-state.js';
import type { RequestOptions } from './request-options.js';
import type { SaveOptions } from './save-options.js';
import type { SavedFile } from './saved-file.js';
import type { WaitOptions } from './wait.js';

/**
 * A started export. Holds only identifiers (plus, privately, the access token the API returned
 * for it), so it can be saved with toJSON() and picked up again with `reports.resume()`.
 *
 * Its calls reject with the client's errors: {@link ReportFailedError} when the job closed
 * without a file, {@link TimeoutError} when `wait()` runs out of time, {@link ApiError} and
 * {@link ConnectionError} after the retries, and the standard `AbortError` on abort.
 *
 * @example
 * ```ts
 * const job = await ca.reports.start('conversation', { startTime, endTime, reportFormat: 'csv' });
 * await writeFile('job.json', JSON.stringify(job)); // resume later with ca.reports.resume()
 * await job.wait({ onProgress: (p) => console.log(p.state) });
 * await job.downloadToFile('exports/conversation.csv');
 * ```
 */
export interface ReportJob<T extends ReportType = ReportType> {
  readonly workflowId: string;
  readonly runId: string;
  readonly reportType: T;
  readonly format: ReportFormat;
  readonly startedAt: Date;
  /** One status poll. */
  status(options?: RequestOptions): Promise<JobStatus>;
  /** Polls until the export is ready; rejects with ReportFailedError, TimeoutError or AbortError. */
  wait(options?: WaitOptions): Promise<JobStatus>;
  /**
   * The export file as a stream (credentials never reach the storage host). A job that failed
   * rejects with ReportFailedError; one still running, with an ApiError that says so.
   */
  download(options?: RequestOptions): Promise<DownloadResult>;
  /** Streams the export into `path`, atomically: the file appears only once complete. */
  downloadToFile(path: string, options?: SaveOptions): Promise<SavedFile>;
  /** The export's rows, parsed while streaming (csv and json alike). */
  rows(options?: RequestOptions): AsyncGenerator<Row, void, undefined>;
  /** The saved-job format `reports.resume()` accepts, in this or another process. */
  toJSON(): ReportJobState;
}
