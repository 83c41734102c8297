import { ApiError } from '../../errors/api-error.js';
import { ConnectionError } from '../../errors/connection-error.js';
import { JsonArrayError } from '../../errors/json-array-error.js';
import { TimeoutError } from '../../errors/timeout-error.js';
import type { ReportFormat } from '../../types/report-job-state.js';
import { abortError } from '../async/abort-error.js';
import { sleep } from '../async/sleep.js';
import { backoffDelay, type RetryPolicy } from '../transport/retry-policy.js';
import { declaredLength, isEncoded } from './content-length.js';
import { ExportShape } from './export-shape.js';
import { bytesToSkip } from './storage-answer.js';
import { StorageOverrun } from './storage-overrun.js';

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
 * The export as one stream, checked on the way: it must start like the export (not like an error
 * page), never grow past the announced size, never be empty, and arrive whole. A connection lost
 * or silent for `bodyTimeoutMs` mid-body is reopened from the byte where it stopped (`Range`,
 * when storage answers 206 with a matching Content-Range) or from zero (dropping the bytes already
 * delivered), so the consumer sees every byte exactly once. Pull-based: nothing is buffered
 * beyond what the consumer asks for.
 */
export function resumableBody(options: ResumableBodyOptions): ReadableStream<Uint8Array> {
  const { total, signal, policy } = options;
  const shape = new ExportShape(options.format);
  let current = options.first;
  let reader = current.response.body?.getReader();
  let skip = 0;
  let received = 0;
  let failuresWithoutProgress = 0;
  let reopenings = 0;
  const encoded = isEncoded(current.response);

  const notAnExport = (what: string, status: number) =>
    new ApiError(
      `The storage host ${new URL(current.place).host} answered ${status} with ${what} instead of the ${options.format} export`,
      { status, method: 'GET', url: current.place, secrets: options.secrets },
    );

  const stop = () => {
    current.abort();
    reader?.cancel().catch(() => {});
  };

  /** Reads one chunk, giving up after `bodyTimeoutMs` of silence. */
  const read = async () => {
    let idle = false;
    const timer = setTimeout(() => {
      idle = true;
      stop();
    }, options.bodyTimeoutMs);
    const onAbort = () => stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const chunk = reader ? await reader.read() : ({ done: true, value: undefined } as const);
      if (idle) throw 'idle';
      return chunk;
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      if (idle || error === 'idle') {
        throw new TimeoutError(
          `The download stalled: no byte for ${options.bodyTimeoutMs} ms after ${received} bytes`,
          options.bodyTimeoutMs,
        );
      }
      if (error instanceof StorageOverrun) {
        stop();
        throw new ApiError(`The storage host ${new URL(current.place).host} sent ${error.message}`, {
          status: current.response.status,
          method: 'GET',
          url: current.place,
          secrets: options.secrets,
        });
      }
      throw new ConnectionError(`Download interrupted after ${received} bytes`, current.place, {
        cause: error,
        secrets: options.secrets,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };

  /** Continues the transfer on a new connection, or rethrows `failure` when that is hopeless. */
  const resume = async (failure: Error) => {
    stop();
    if (++failuresWithoutProgress > policy.limit || ++reopenings > MAX_REOPENINGS) throw failure;
    await sleep(backoffDelay(failuresWithoutProgress - 1, policy), signal);
    // An encoded body's offsets count bytes we never saw: it can only restart from zero.
    let from = encoded ? 0 : received;
    let next = await options.reopen(from);
    let drop = bytesToSkip(next.response, from, total);
    if (drop === undefined) {
      next.abort();
      from = 0;
      next = await options.reopen(0);
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
          secrets: options.secrets,
        },
      );
    }
    current = next;
    reader = next.response.body?.getReader();
    // Bytes of the new answer that the consumer already has.
    skip = received - from + drop;
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof read>>;
        try {
          chunk = await read();
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') throw error;
          // The server's answer itself is wrong (an overrun): another Range request would repeat it.
          if (error instanceof ApiError) throw error;
          await resume(error as Error);
          continue;
        }
        if (chunk.done) {
          if (total !== undefined && received < total) {
            await resume(
              new ConnectionError(
                `Download incomplete: got ${received} of ${total} bytes (Content-Length)`,
                current.place,
              ),
            );
            continue;
          }
          if (received === 0) throw notAnExport('an empty body', current.response.status);
          if (shape.empty) throw notAnExport('only white space', current.response.status);
          if (options.format === 'json' && !shape.closed)
            throw new JsonArrayError(`the body ends after ${received} bytes without the array's closing ]`);
          controller.close();
          return;
        }
        let bytes = chunk.value;
        if (skip > 0) {
          const dropped = Math.min(skip, bytes.byteLength);
          skip -= dropped;
          bytes = bytes.subarray(dropped);
        }
        if (bytes.byteLength === 0) continue;
        if (total !== undefined && received + bytes.byteLength > total) {
          stop();
          throw new ConnectionError(
            `Download larger than its Content-Length of ${total} bytes`,
            current.place,
          );
        }
        shape.push(bytes);
        if (typeof shape.start === 'string') {
          stop();
          throw notAnExport(shape.start, current.response.status);
        }
        received += bytes.byteLength;
        failuresWithoutProgress = 0;
        controller.enqueue(bytes);
        return;
      }
    },
    cancel() {
      stop();
    },
  });
}
