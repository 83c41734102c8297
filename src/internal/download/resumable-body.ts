import { Readable } from 'node:stream';
import { ApiError } from '../../errors/api-error.js';
import { ConnectionError } from '../../errors/connection-error.js';
import { JsonArrayError } from '../../errors/json-array-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import type { ReportFormat } from '../../types/report-job-state.js';
import { abortError } from '../async/abort-error.js';
import { sleep } from '../async/sleep.js';
import { type BodySource, bodySourceOf } from '../transport/body-source.js';
import { backoffDelay, type RetryPolicy } from '../transport/retry-policy.js';
import { StorageOverrun } from '../transport/storage-overrun.js';
import { declaredLength, isEncoded } from './content-length.js';
import { ExportShape } from './export-shape.js';
import { bytesToSkip } from './storage-answer.js';

/** One open storage answer and the means to stop it. */
export interface OpenedBody {
  readonly response: Response;
  /** Origin and path of the storage URL, for errors. */
  readonly place: string;
  readonly abort: () => void;
}

export interface ResumableBodyOptions {
  readonly format: ReportFormat;
  readonly first: OpenedBody;
  /** The whole file's size, when the first answer stated it. */
  readonly total: number | undefined;
  /** (Re)opens the file from byte `from` (0 = all of it); refreshes an expired URL on the way. */
  readonly reopen: (from: number) => Promise<OpenedBody>;
  readonly bodyTimeoutMs: number;
  readonly policy: RetryPolicy;
  readonly secrets: readonly string[];
  readonly signal: AbortSignal | undefined;
}

/** At most this many reopenings per download, however much each of them delivers. */
const MAX_REOPENINGS = 20;

/**
 * The export as one Node stream, checked on the way: it must start like the export (not like an
 * error page), never grow past the announced size, never be empty, and arrive whole. A connection
 * lost or silent for `bodyTimeoutMs` mid-body is reopened from the byte where it stopped (`Range`,
 * when storage answers 206 with a matching Content-Range) or from zero (dropping the bytes already
 * delivered), so the consumer sees every byte exactly once. The checks run on each chunk as the
 * socket delivers it, with no stream layer between the storage answer and the consumer; the
 * storage answer is paused whenever the consumer is behind, so nothing is buffered beyond a few
 * socket reads.
 */
export function resumableBody(options: ResumableBodyOptions): Readable {
  return new ResumableBody(options);
}

class ResumableBody extends Readable {
  readonly #options: ResumableBodyOptions;
  readonly #shape: ExportShape;
  readonly #encoded: boolean;
  #current: OpenedBody;
  #source: BodySource;
  #started = false;
  #flowing = false;
  #reopening = false;
  #skip = 0;
  #received = 0;
  #failuresWithoutProgress = 0;
  #reopenings = 0;
  /** Fires after `bodyTimeoutMs` without a byte while the consumer is waiting for one. */
  #idle: NodeJS.Timeout | undefined;

  constructor(options: ResumableBodyOptions) {
    super({ highWaterMark: 256 * 1024 });
    this.#options = options;
    this.#shape = new ExportShape(options.format);
    this.#current = options.first;
    this.#source = bodySourceOf(options.first.response);
    this.#encoded = isEncoded(options.first.response);
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  override _read(): void {
    if (this.#flowing) return;
    this.#flowing = true;
    // Mid-reopen the consumer's wish is kept: the new answer flows as soon as it is attached.
    if (this.#reopening) return;
    this.#armIdle();
    if (this.#started) this.#source.resume();
    else {
      this.#started = true;
      this.#listen(this.#source);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stop();
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    callback(error);
  }

  readonly #onAbort = () => {
    const signal = this.#options.signal as AbortSignal;
    this.destroy(abortError(signal));
  };

  #listen(source: BodySource): void {
    source.start({
      data: (chunk) => {
        if (source === this.#source) this.#onData(chunk);
      },
      end: () => {
        if (source === this.#source) this.#onEnd();
      },
      error: (error) => {
        if (source === this.#source) this.#onError(error);
      },
    });
  }

  #onData(chunk: Buffer): void {
    this.#idle?.refresh();
    let bytes = chunk;
    if (this.#skip > 0) {
      const dropped = Math.min(this.#skip, bytes.byteLength);
      this.#skip -= dropped;
      bytes = bytes.subarray(dropped);
      if (bytes.byteLength === 0) return;
    }
    const problem = this.#check(bytes);
    if (problem) {
      this.#fail(problem);
      return;
    }
    this.#received += bytes.byteLength;
    this.#failuresWithoutProgress = 0;
    if (!this.push(bytes)) this.#pause();
  }

  /** What is wrong with the next bytes of the body, if anything. */
  #check(bytes: Buffer): Error | undefined {
    const total = this.#options.total;
    if (total !== undefined && this.#received + bytes.byteLength > total) {
      return new ConnectionError(
        `Download larger than its Content-Length of ${total} bytes`,
        this.#current.place,
      );
    }
    this.#shape.push(bytes);
    const start = this.#shape.start;
    return typeof start === 'string' ? this.#notAnExport(start) : undefined;
  }

  #onEnd(): void {
    const { total } = this.#options;
    if (total !== undefined && this.#received < total) {
      const message = `Download incomplete: got ${this.#received} of ${total} bytes (Content-Length)`;
      void this.#resume(new ConnectionError(message, this.#current.place));
      return;
    }
    const problem = this.#endProblem();
    if (problem) this.#fail(problem);
    else {
      this.#disarmIdle();
      this.push(null);
    }
  }

  /** What is wrong with the body as a whole, once it ended, if anything. */
  #endProblem(): Error | undefined {
    const received = this.#received;
    if (received === 0) return this.#notAnExport('an empty body');
    if (this.#shape.empty) return this.#notAnExport('only white space');
    if (this.#options.format === 'json' && !this.#shape.closed) {
      return new JsonArrayError(`the body ends after ${received} bytes without the array's closing ]`);
    }
    return undefined;
  }

  #onError(error: unknown): void {
    if (error instanceof StorageOverrun) {
      const { place, response } = this.#current;
      const message = `The storage host ${new URL(place).host} sent ${error.message}`;
      const { secrets } = this.#options;
      this.#fail(new ApiError(message, { status: response.status, method: 'GET', url: place, secrets }));
      return;
    }
    const failure = new ConnectionError(
      `Download interrupted after ${this.#received} bytes`,
      this.#current.place,
      {
        cause: error,
        secrets: this.#options.secrets,
      },
    );
    void this.#resume(failure);
  }

  #onIdle = () => {
    const { bodyTimeoutMs } = this.#options;
    void this.#resume(
      new TimeoutError(
        `The download stalled: no byte for ${bodyTimeoutMs} ms after ${this.#received} bytes`,
        bodyTimeoutMs,
      ),
    );
  };

  #armIdle(): void {
    if (this.#idle) this.#idle.refresh();
    else this.#idle = setTimeout(this.#onIdle, this.#options.bodyTimeoutMs);
  }

  #disarmIdle(): void {
    clearTimeout(this.#idle);
    this.#idle = undefined;
  }

  /** The consumer is behind: stop the socket (and the silence clock) until it reads again. */
  #pause(): void {
    this.#flowing = false;
    this.#disarmIdle();
    this.#source.pause();
  }

  #stop(): void {
    this.#disarmIdle();
    this.#source.destroy();
    this.#current.abort();
  }

  #fail(error: Error): void {
    this.#stop();
    this.destroy(error);
  }

  #notAnExport(what: string): ApiError {
    const { place, response } = this.#current;
    return new ApiError(
      `The storage host ${new URL(place).host} answered ${response.status} with ${what} instead of the ${this.#options.format} export`,
      { status: response.status, method: 'GET', url: place, secrets: this.#options.secrets },
    );
  }

  /** Continues the transfer on a new connection, or fails with `failure` when that is hopeless. */
  async #resume(failure: Error): Promise<void> {
    this.#stop();
    this.#reopening = true;
    try {
      const next = await this.#reopen(failure);
      if (this.destroyed) return next.opened.abort();
      this.#current = next.opened;
      this.#source = bodySourceOf(next.opened.response);
      // Bytes of the new answer that the consumer already has.
      this.#skip = next.skip;
      this.#reopening = false;
      this.#listen(this.#source);
      if (this.#flowing) this.#armIdle();
      else this.#source.pause();
    } catch (error) {
      const { signal } = this.#options;
      this.destroy(signal?.aborted ? abortError(signal) : (error as Error));
    }
  }

  async #reopen(failure: Error): Promise<{ opened: OpenedBody; skip: number }> {
    const { policy, signal, total, secrets } = this.#options;
    if (++this.#failuresWithoutProgress > policy.limit || ++this.#reopenings > MAX_REOPENINGS) throw failure;
    await sleep(backoffDelay(this.#failuresWithoutProgress - 1, policy), signal);
    // An encoded body's offsets count bytes we never saw: it can only restart from zero.
    let from = this.#encoded ? 0 : this.#received;
    let next = await this.#options.reopen(from);
    let drop = bytesToSkip(next.response, from, total);
    if (drop === undefined) {
      next.abort();
      from = 0;
      next = await this.#options.reopen(0);
      drop = bytesToSkip(next.response, 0, total);
    }
    const length = declaredLength(next.response);
    const changed =
      next.response.status !== 206 && total !== undefined && length !== undefined && length !== total;
    if (drop === undefined || changed) {
      next.abort();
      throw new ApiError(
        `The export changed while it was downloaded (it was ${total ?? 'of unknown'} bytes)`,
        {
          status: next.response.status,
          method: 'GET',
          url: next.place,
          secrets,
        },
      );
    }
    return { opened: next, skip: this.#received - from + drop };
  }
}
