import type { ReportFormat } from './report-job-state.js';

export interface DownloadResult {
  /** The export as it arrives; never buffered. Read it once. */
  readonly body: ReadableStream<Uint8Array>;
  readonly format: ReportFormat;
  /** Bytes announced by the server, when it did (and the body is not compressed in transit). */
  readonly contentLength?: number;
}
