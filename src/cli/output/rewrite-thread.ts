import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { OutputFormat } from '../input/report-flags.js';
import { ownBuffer, type RewriteTask, type WorkerReport } from './rewrite-protocol.js';

// Bytes handed to the worker and not yet taken back (as rows counted or as output written) before
// the download is paused: room for the worker's start-up (tens of ms at wire speed) without
// holding more than this in memory.
const BACKLOG_BYTES = 64 * 1024 * 1024;
// Chunks are sent in batches: a message per socket read would cost more than the scan it saves.
const BATCH_BYTES = 1024 * 1024;

/** Whether an export is large enough for the rewrite worker to pay for its start-up. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/**
 * The rewrite worker (rewrite-worker.ts) seen from the main thread: chunks go to it with their
 * buffers transferred (no copy: the socket's buffers are not used again), rows and rewritten bytes
 * come back. Two ways to use it: `tap` after the main thread wrote the bytes itself (counting a csv
 * or json copy), or `rewrite` a source into the worker's output (ndjson).
 */
export class RewriteThread {
  readonly #worker: Worker;
  #rows = 0;
  #backlog = 0;
  #batch: Uint8Array[] = [];
  #batchBytes = 0;
  #flushScheduled = false;
  #failure: Error | undefined;
  #done = false;
  #onOutput: (out: Buffer[]) => void = () => {};
  #onError: (error: Error) => void = () => {};
  #waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #finished: { resolve: (rows: number) => void; reject: (error: Error) => void } | undefined;

  constructor(produced: 'csv' | 'json', output: OutputFormat) {
    const task: RewriteTask = { produced, output, returnOutput: output === 'ndjson' };
    this.#worker = new Worker(new URL('./rewrite-worker.js', import.meta.url), { workerData: task });
    this.#worker.on('message', (report: WorkerReport) => this.#receive(report));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => {
      if (!this.#done) this.#fail(new Error(`the row counter stopped unexpectedly (exit code ${code})`));
    });
  }

  /** Rows the worker has counted so far. */
  get rows(): number {
    return this.#rows;
  }

  /**
   * Counts bytes the caller has already written: for `writeChunks`' onWritten. Resolves at once,
   * or once the worker caught up when it is too far behind.
   */
  tap(chunks: Uint8Array[]): Promise<void> | undefined {
    for (const chunk of chunks) this.#send(chunk);
    this.#flush();
    return this.#backlog > BACKLOG_BYTES ? this.#caughtUp() : undefined;
  }

  /** The rewritten bytes of `source`, as a stream, in order. */
  rewrite(source: Readable): Readable {
    // Over the backlog (sent and not yet rewritten, or rewritten and not yet taken by the writer),
    // the download waits; it goes on once half of that is cleared.
    const backlog = () => this.#backlog + output.readableLength;
    const resumeIfRoom = () => {
      if (source.isPaused() && backlog() <= BACKLOG_BYTES / 2) source.resume();
    };
    const output = new Readable({
      read: resumeIfRoom,
      destroy: (error, callback) => {
        source.destroy();
        this.close();
        callback(error);
      },
    });
    this.#onOutput = (out) => {
      for (const bytes of out) output.push(bytes);
      resumeIfRoom();
    };
    this.#onError = (error) => output.destroy(error);
    source.on('data', (chunk: Buffer) => {
      this.#send(chunk);
      if (backlog() > BACKLOG_BYTES) source.pause();
    });
    source.on('end', () => {
      this.finish().then(
        () => output.push(null),
        (error: Error) => output.destroy(error),
      );
    });
    source.on('error', (error) => output.destroy(error));
    return output;
  }

  /** Sends what is left, then resolves with the final row count (or the worker's error). */
  finish(): Promise<number> {
    this.#flush();
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<number>((resolve, reject) => {
      this.#finished = { resolve, reject };
      this.#worker.postMessage('end');
    });
  }

  close(): void {
    this.#done = true;
    void this.#worker.terminate();
  }

  #send(chunk: Uint8Array): void {
    this.#batch.push(chunk);
    this.#batchBytes += chunk.byteLength;
    this.#backlog += chunk.byteLength;
    if (this.#batchBytes >= BATCH_BYTES) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#batch.length === 0 || this.#failure) return;
    const buffers = this.#batch.map(ownBuffer);
    this.#batch = [];
    this.#batchBytes = 0;
    this.#worker.postMessage(buffers, buffers);
  }

  #receive(report: WorkerReport): void {
    if ('error' in report) {
      this.#fail(new Error(report.error));
      return;
    }
    this.#rows = report.rows;
    this.#backlog -= report.consumed;
    if (report.out.length > 0) this.#onOutput(report.out.map((buffer) => Buffer.from(buffer)));
    if (this.#backlog <= BACKLOG_BYTES / 2) for (const waiter of this.#waiters.splice(0)) waiter.resolve();
    if (report.done) {
      this.#done = true;
      void this.#worker.terminate();
      this.#finished?.resolve(report.rows);
    }
  }

  #fail(error: Error): void {
    if (this.#failure || this.#done) return;
    this.#failure = error;
    this.#done = true;
    void this.#worker.terminate();
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
    this.#finished?.reject(error);
    this.#onError(error);
  }

  #caughtUp(): Promise<void> {
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }
}
