import type { OutputFormat } from '../input/report-flags.js';

/** What the rewrite worker is started with (its workerData). */
export interface RewriteTask {
  readonly produced: 'csv' | 'json';
  readonly output: OutputFormat;
  /** Whether the worker sends the rewritten bytes back (ndjson), or only counts (csv, json). */
  readonly returnOutput: boolean;
}

/** The worker's answer to each message: rows so far, input bytes taken, bytes to write. */
export type WorkerReport =
  | { readonly rows: number; readonly consumed: number; readonly out: ArrayBuffer[]; readonly done: boolean }
  | { readonly error: string };

/** An ArrayBuffer holding exactly `bytes`, to transfer: its own when it holds nothing else, else a copy. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (byteOffset === 0 && buffer.byteLength === byteLength && buffer instanceof ArrayBuffer) return buffer;
  return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
}
