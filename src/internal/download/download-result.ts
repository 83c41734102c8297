import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { DownloadResult } from '../../types/download-result.js';
import type { ReportFormat } from '../../types/report-job-state.js';
import { giveBack } from '../transport/read-buffers.js';

/**
 * The public DownloadResult over the download's Node stream: `readable` is that stream itself,
 * `body` a web view of it made on first use. The first of the two to be read takes the bytes.
 * Both are accessors on the prototype, like Response's body: `{ ...result }` or
 * `const { body, ...rest } = result` copies neither, so it never takes the bytes by accident.
 */
export class DownloadedExport implements DownloadResult {
  readonly format: ReportFormat;
  declare readonly contentLength?: number;
  readonly #stream: Readable;
  #taken: 'body' | 'readable' | undefined;
  #body: ReadableStream<Uint8Array> | undefined;

  constructor(stream: Readable, format: ReportFormat, contentLength: number | undefined) {
    this.#stream = stream;
    this.format = format;
    if (contentLength !== undefined) this.contentLength = contentLength;
  }

  get body(): ReadableStream<Uint8Array> {
    this.#take('body');
    this.#body ??= Readable.toWeb(this.#stream) as NodeWebStream<Uint8Array> as ReadableStream<Uint8Array>;
    return this.#body;
  }

  get readable(): Readable {
    this.#take('readable');
    return this.#stream;
  }

  release(chunk: Uint8Array): void {
    giveBack(chunk);
  }

  #take(as: 'body' | 'readable'): void {
    if (this.#taken && this.#taken !== as) {
      throw new TypeError(
        `This download is already read through .${this.#taken}: use either body or readable`,
      );
    }
    this.#taken = as;
  }
}
