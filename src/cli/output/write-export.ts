import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { writeChunks } from '../../files/index.js';
import { UsageError } from '../errors/usage-error.js';
import type { OutputFormat } from '../input/report-flags.js';
import { writeFileAtomically } from './atomic-file.js';
import { transformOf } from './chunk-rewriter.js';
import type { Destination } from './destination.js';
import { RewriteThread, WORKER_MIN_BYTES } from './rewrite-thread.js';
import { type CountingRewriter, rewriterFor } from './rewriter-for.js';

export interface ExportBody {
  readonly body: ReadableStream<Uint8Array>;
  /** The same bytes as a Node stream (a `job.download()` result has it): read instead of `body`. */
  readonly readable?: Readable;
  /** What the service produced: the report's `reportFormat`. */
  readonly format: 'csv' | 'json';
  readonly contentLength?: number | undefined;
}

export interface WriteProgress {
  readonly bytes: number;
  readonly totalBytes: number | undefined;
  readonly rows: number;
}

export interface WrittenExport extends WriteProgress {
  readonly path: string | undefined;
}

/**
 * Streams a downloaded export to its destination, counting bytes and rows on the way, as the
 * service sent it (csv, json) or rewritten as ndjson. A file destination is written to a temp file
 * and renamed only when the whole body arrived: an abort or error leaves nothing behind. Each
 * chunk is counted (or rewritten) and written as it arrives, with no stream stage between the
 * download and the file.
 */
export async function writeExport(
  download: ExportBody,
  output: OutputFormat,
  destination: Destination,
  stdout: NodeJS.WritableStream,
  signal: AbortSignal,
  onProgress: (progress: WriteProgress) => void,
): Promise<WrittenExport> {
  checkConvertible(download.format, output);
  const counted: Counted = { bytes: 0, rows: 0, totalBytes: download.contentLength };
  const source =
    'readable' in download && download.readable
      ? download.readable
      : Readable.fromWeb(download.body as WebReadableStream<Uint8Array>);
  if (destination.kind === 'stdout') {
    const rewriter = rewriterFor(download.format, output);
    const stage = transformOf({
      push: (chunk) => countInline(rewriter, chunk, counted, onProgress),
      end: () => rewriter.end(),
    });
    await pipeline([source, stage, stdout as Writable], { signal, end: false });
    counted.rows = rewriter.rows;
    return { ...counted, path: undefined };
  }
  const offThread = (download.contentLength ?? 0) >= WORKER_MIN_BYTES;
  await writeFileAtomically(destination.path, (fd) =>
    offThread
      ? writeOffThread(source, fd, download.format, output, counted, signal, onProgress)
      : writeInline(source, fd, download.format, output, counted, signal, onProgress),
  );
  onProgress(counted);
  return { ...counted, path: destination.path };
}

type Counted = { bytes: number; rows: number; totalBytes: number | undefined };

/** One chunk through the rewriter on this thread, counted: what to write for it. */
function countInline(
  rewriter: CountingRewriter,
  chunk: Buffer,
  counted: Counted,
  onProgress: (progress: WriteProgress) => void,
): Uint8Array | undefined {
  counted.bytes += chunk.length;
  const out = rewriter.push(chunk);
  counted.rows = rewriter.rows;
  onProgress(counted);
  return out;
}

/** Counts (or rewrites) each chunk on this thread, then writes it: small exports. */
async function writeInline(
  source: Readable,
  fd: number,
  produced: 'csv' | 'json',
  output: OutputFormat,
  counted: Counted,
  signal: AbortSignal,
  onProgress: (progress: WriteProgress) => void,
): Promise<void> {
  const rewriter = rewriterFor(produced, output);
  const map = (chunk: Buffer) => countInline(rewriter, chunk, counted, onProgress);
  await writeChunks(source, fd, { map, flush: () => rewriter.end(), signal });
  counted.rows = rewriter.rows;
}

/**
 * Large exports: this thread only moves bytes from the socket to the file while the rewrite
 * worker counts the rows of what was written (csv, json) or rewrites the download (ndjson), so
 * counting costs the copy little on a machine with a core to spare.
 */
async function writeOffThread(
  source: Readable,
  fd: number,
  produced: 'csv' | 'json',
  output: OutputFormat,
  counted: Counted,
  signal: AbortSignal,
  onProgress: (progress: WriteProgress) => void,
): Promise<void> {
  const thread = new RewriteThread(produced, output);
  const progress = (chunk: Buffer) => {
    counted.bytes += chunk.length;
    counted.rows = thread.rows;
    onProgress(counted);
  };
  try {
    if (output === 'ndjson') {
      source.on('data', progress);
      await writeChunks(thread.rewrite(source), fd, { signal });
      counted.rows = thread.rows;
      return;
    }
    const map = (chunk: Buffer) => {
      progress(chunk);
      return chunk;
    };
    await writeChunks(source, fd, { map, onWritten: (batch) => thread.tap(batch), signal });
    counted.rows = await thread.finish();
  } finally {
    thread.close();
  }
}

/** A finished export can be written as produced, or as ndjson; csv and json do not convert. */
export function checkConvertible(produced: 'csv' | 'json', output: OutputFormat): void {
  if (output !== 'ndjson' && output !== produced) {
    throw new UsageError(
      `--format ${output}: this export was produced as ${produced}; use --format ${produced} (or ndjson), or start a new export with --format ${output}`,
      '--format',
    );
  }
}
