import type { RequestOptions } from './request-options.js';

/** Options of `job.downloadToFile()`: those of every call, and how the file is written. */
export interface SaveOptions extends RequestOptions {
  /**
   * How long one write to the file may hold the event loop, in milliseconds (default 20). Writes
   * are made on the calling thread, as curl makes them, which is the fastest way to the page
   * cache; the first write that takes longer (a slow disk, a network filesystem) sends every later
   * one to libuv's thread pool. 0: every write in the thread pool, for a process whose event loop
   * must never wait on a disk (a server), at some cost in speed.
   */
  readonly blockingWriteMs?: number;
}
