import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { writeChunks } from '../../files/index.js';
import { CsvRecordCounter } from '../../rows/index.js';
import { UsageError } from '../errors/usage-error.js';
import type { OutputFormat } from '../input/report-flags.js';
import { writeFileAtomically } from './atomic-file.js';
import { type ChunkRewriter, transformOf } from './chunk-rewriter.js';
import { csvNdjsonRewriter } from './csv-ndjson-rewriter.js';
import type { Destination } from './destination.js';
import { JsonRowCounter } from './json-row-counter.js';
import { ndjsonRewriter } from './ndjson-rewriter.js';

export interface ExportBody {
  readonly body: ReadableStream<Uint8Array>;
  /** The same bytes as a Node stream (a `job.download()` result has it): read instead of `body`. */
  readonly readable?: Readable;
  /** What the service produced: the report's `reportFormat`. */
  readonly format: 'csv' | 'json';
  readonly contentLength?: number | undefined;
  /** Takes back a chunk of `readable` once written (a `job.download()` result has it). */
  release?(chunk: Uint8Array): void;
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
  const counted = { bytes: 0, rows: 0, totalBytes: download.contentLength };
  const rewriter = rewriterFor(download.format, output, counted);
  const counting: ChunkRewriter = {
    push(chunk) {
      counted.bytes += chunk.length;
      const out = rewriter.push(chunk);
      onProgress(counted);
      return out;
    },
    end: () => rewriter.end(),
  };
  const readable = 'readable' in download ? download.readable : undefined;
  const source = readable ?? Readable.fromWeb(download.body as WebReadableStream<Uint8Array>);

  if (destination.kind === 'stdout') {
    await pipeline([source, transformOf(counting), stdout as Writable], { signal, end: false });
    return { ...counted, path: undefined };
  }
  // Every rewriter copies what it keeps of a chunk, so a written chunk can go back to the download.
  const release = readable ? download.release?.bind(download) : undefined;
  await writeFileAtomically(destination.path, (fd) =>
    writeChunks(source, fd, {
      map: (chunk) => counting.push(chunk),
      flush: () => counting.end(),
      signal,
      onWritten: release,
    }),
  );
  onProgress(counted);
  return { ...counted, path: destination.path };
}

/** What stands between the download and the output: a row counter, or an ndjson rewriter that counts. */
function rewriterFor(
  produced: 'csv' | 'json',
  output: OutputFormat,
  counted: { rows: number },
): ChunkRewriter {
  const onRow = () => {
    counted.rows++;
  };
  if (output === 'ndjson') return produced === 'json' ? ndjsonRewriter(onRow) : csvNdjsonRewriter(onRow);
  const counter = produced === 'csv' ? new CsvRecordCounter() : new JsonRowCounter();
  return {
    push(chunk) {
      counter.push(chunk);
      counted.rows = counter.rows;
      return chunk;
    },
    end: () => undefined,
  };
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
