import { writev, writevSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { checkBlockingWriteMs } from './check-blocking-write.js';

/** Options of {@link writeChunks}. */
export interface WriteChunksOptions {
  /**
   * Sees every chunk before it is written, and may rewrite it: what it returns is written instead,
   * several buffers in order when it returns a list (`undefined`, an empty buffer or an empty list:
   * nothing for this chunk). Returning parts of the chunk itself, even edited in place, writes them
   * without a copy. An error it throws ends the write.
   */
  readonly map?: (chunk: Buffer) => Uint8Array | readonly Uint8Array[] | undefined;
  /** Called once the source has ended: bytes to write last (as `map` returns them), or an error to throw. */
  readonly flush?: () => Uint8Array | readonly Uint8Array[] | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * Called with each chunk of the source, in order, once the bytes `map` made of it are written
   * and nothing here refers to it any more: a download's `release` can then read over its
   * memory. Only for a `map` that keeps no reference to the chunks either. Not called for the
   * chunks of a write that failed.
   */
  readonly onWritten?: ((chunk: Buffer) => void) | undefined;
  /**
   * How long one write may hold the calling thread, in milliseconds (default 20). Writes are made
   * on the calling thread, as curl makes them, while each returns within this: copying a megabyte
   * into the page cache takes well under a millisecond, and handing each write to libuv's thread
   * pool costs more than the copy (a 1 GiB download spent half a second more system time, a third
   * slower). The first write that takes longer (a slow disk, dirty-page throttling, a network
   * filesystem) sends every later one to the thread pool, so the event loop is never held long
   * twice. 0: every write goes to the thread pool.
   */
  readonly blockingWriteMs?: number;
}

// Chunks gathered while a write is in the thread pool go out in one writev; past this many bytes
// waiting, the source is paused. Measured on loopback at 1 GB/s: about curl's speed, with a few MB of RSS.
const BATCH_BYTES = 1024 * 1024;

/**
 * Writes every chunk of `source` to the open file `fd`, in order, and resolves with the number of
 * bytes written once the source ended and every byte is on its way to disk. Each chunk is written
 * as it arrives, on this thread (see `blockingWriteMs`); in the thread pool, chunks that arrive
 * while a write is in flight are written together with the next `writev` (no copy, no stream
 * layer), and the source is paused while more than a megabyte waits, so memory stays bounded
 * however fast the source. On an error of the source, of `map`/`flush` or of a write, or an abort,
 * the source is destroyed and the promise rejects; `fd` is never closed here.
 */
export function writeChunks(source: Readable, fd: number, options: WriteChunksOptions = {}): Promise<number> {
  const { map, flush, signal, onWritten } = options;
  return new Promise<number>((resolve, reject) => {
    let blockingWriteMs: number;
    try {
      blockingWriteMs = checkBlockingWriteMs(options.blockingWriteMs);
    } catch (error) {
      source.destroy();
      return reject(error);
    }
    let onThisThread = blockingWriteMs > 0;
    let waiting: Uint8Array[] = [];
    let waitingBytes = 0;
    /** The source chunks the waiting bytes were made of (kept only for onWritten). */
    let waitingChunks: Buffer[] = [];
    let writing = false;
    let ended = false;
    let settled = false;
    let written = 0;

    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      // The error listener stays: a source destroyed after this must not throw an unhandled error.
      source.off('data', onData).off('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) return resolve(written);
      source.destroy();
      reject(error);
    };
    const onAbort = () => settle(signal?.reason);

    const queue = (bytes: Uint8Array | readonly Uint8Array[] | undefined) => {
      if (!bytes) return;
      if (!(bytes instanceof Uint8Array)) {
        for (const part of bytes) queue(part);
        return;
      }
      if (bytes.byteLength === 0) return;
      waiting.push(bytes);
      waitingBytes += bytes.byteLength;
    };

    /** Counts a finished write; false (and the promise settled) if it fell short. */
    const wrote = (bytes: number, size: number, chunks: readonly Buffer[]): boolean => {
      // libuv writes a whole vector or fails; anything else would silently lose data.
      if (bytes !== size) {
        settle(new Error(`short write: ${bytes} of ${size} bytes`));
        return false;
      }
      written += size;
      if (onWritten) for (const chunk of chunks) onWritten(chunk);
      return true;
    };

    const writeWaiting = () => {
      if (writing || settled) return;
      if (waiting.length === 0) {
        if (ended) settle();
        return;
      }
      const batch = waiting;
      const size = waitingBytes;
      const chunks = waitingChunks;
      waiting = [];
      waitingBytes = 0;
      waitingChunks = [];
      if (!ended && source.isPaused()) source.resume();
      if (onThisThread) {
        const began = performance.now();
        let bytes: number;
        try {
          bytes = writevSync(fd, batch);
        } catch (error) {
          return settle(error);
        }
        if (performance.now() - began > blockingWriteMs) onThisThread = false;
        if (wrote(bytes, size, chunks)) writeWaiting();
        return;
      }
      writing = true;
      writev(fd, batch, (error, bytes) => {
        writing = false;
        if (error) return settle(error);
        if (wrote(bytes, size, chunks)) writeWaiting();
      });
    };

    const onData = (chunk: Buffer) => {
      try {
        queue(map ? map(chunk) : chunk);
      } catch (error) {
        return settle(error);
      }
      if (onWritten) waitingChunks.push(chunk);
      writeWaiting();
      if (waitingBytes >= BATCH_BYTES) source.pause();
    };
    const onEnd = () => {
      ended = true;
      try {
        queue(flush?.());
      } catch (error) {
        return settle(error);
      }
      writeWaiting();
    };

    if (signal?.aborted) return settle(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    source.on('data', onData).on('end', onEnd).on('error', settle);
  });
}
