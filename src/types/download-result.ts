import type { ReportFormat } from './report-job-state.js';

/**
 * What `job.download()` resolves with: the export's bytes as a stream, and what the storage
 * host said about them.
 *
 * @example
 * ```ts
 * const { body, format } = await job.download();
 * await pipeline(Readable.fromWeb(body), createWriteStream(`export.${format}`));
 * ```
 */
export interface DownloadResult {
  /** The export as it arrives; never buffered. Read it once. */
  readonly body: ReadableStream<Uint8Array>;
  readonly format: ReportFormat;
  /** Bytes announced by the server, when it did (and the body is not compressed in transit). */
  readonly contentLength?: number;
}
