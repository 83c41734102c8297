import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UsageError } from '../errors/usage-error.js';
import type { OutputFormat } from '../input/report-flags.js';
import { writeFileAtomically } from './atomic-file.js';
import { csvNdjsonTransform } from './csv-ndjson-transform.js';
import { CsvRecordCounter } from './csv-record-counter.js';
import type { Destination } from './destination.js';
import { JsonRowCounter } from './json-row-counter.js';
import { ndjsonTransform } from './ndjson-transform.js';

export interface ExportBody {
  readonly body: ReadableStream<Uint8Array>;
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
 * and renamed only when the whole body arrived: an abort or error leaves nothing behind.
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
  const rawCounter = download.format === 'csv' ? new CsvRecordCounter() : new JsonRowCounter();
  const converting = output === 'ndjson';
  const countBytes = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counted.bytes += chunk.length;
      if (!converting) {
        rawCounter.push(chunk);
        counted.rows = rawCounter.rows;
      }
      onProgress(counted);
      callback(null, chunk);
    },
  });
  const stages: NodeJS.ReadWriteStream[] = [countBytes];
  if (converting) {
    const onRow = () => {
      counted.rows++;
    };
    if (download.format === 'json') stages.push(ndjsonTransform(onRow));
    else stages.push(csvNdjsonTransform(onRow));
  }
  const source = Readable.fromWeb(download.body as WebReadableStream<Uint8Array>);
  const run = (sink: Writable | NodeJS.WritableStream, end: boolean) =>
    pipeline([source, ...stages, sink], { signal, end });

  if (destination.kind === 'stdout') {
    await run(stdout, false);
    return { ...counted, path: undefined };
  }
  await writeFileAtomically(destination.path, (file) => run(file, true));
  onProgress(counted);
  return { ...counted, path: destination.path };
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
