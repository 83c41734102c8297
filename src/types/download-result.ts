import type { Readable } from 'node:stream';
import type { ReportFormat } from './report-job-state.js';

/**
 * What `job.download()` resolves with: the export's bytes as a stream, and what the storage
 * host said about them. The bytes can be read once, either as a web stream (`body`) or as a
 * Node.js stream (`readable`, the faster of the two: no web-stream layer); whichever is used first
 * takes them, and the other then throws a TypeError.
 *
 * @example
 * ```ts
 * const { readable, format } = await job.download();
 * await pipeline(readable, createWriteStream(`export.${format}`));
 * ```
 */
export interface DownloadResult {
  /** The export as it arrives, as a web stream; never buffered. Read it once. */
  readonly body: ReadableStream<Uint8Array>;
  /**
   * The same bytes as a Node.js Readable of Buffers, for `pipeline()` and file writes at the
   * wire's speed. Errors and checks are those of `body`.
   */
  readonly readable: Readable;
  readonly format: ReportFormat;
  /** Bytes announced by the server, when it did (and the body is not compressed in transit). */
  readonly contentLength?: number;
  /**
   * Hands a chunk of `readable` back once nothing refers to its bytes any more (written out,
   * copied): the download then reads the next bytes into that chunk's memory instead of new
   * memory, which spares the garbage collector a gigabyte of buffers per gigabyte and ~30 MB of
   * peak memory. Optional: a chunk never released is simply freed by the collector. A released
   * chunk must not be read again; anything but a chunk of this download is ignored.
   */
  release(chunk: Uint8Array): void;
}
