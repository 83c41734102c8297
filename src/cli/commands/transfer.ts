import { relative } from 'node:path';
import type { CliContext } from '../context.js';
import type { OutputFormat } from '../input/report-flags.js';
import type { Destination } from '../output/destination.js';
import { type ExportBody, type WrittenExport, writeExport } from '../output/write-export.js';
import { formatBytes, formatCount, formatDuration } from '../progress/format.js';
import type { Progress } from '../progress/progress.js';

export interface Downloadable {
  download(options?: { signal?: AbortSignal }): Promise<ExportBody>;
}

/** The download half of `export` and `download`: fetch the body, stream it out, report. */
export async function transfer(
  job: Downloadable,
  output: OutputFormat,
  destination: Destination,
  context: CliContext,
  progress: Progress,
): Promise<WrittenExport> {
  progress.update({ phase: 'downloading', bytes: 0, rows: 0 });
  const body = await job.download({ signal: context.signal });
  progress.update({ totalBytes: body.contentLength });
  return writeExport(body, output, destination, context.stdout, context.signal, (written) =>
    progress.update({ bytes: written.bytes, totalBytes: written.totalBytes, rows: written.rows }),
  );
}

/**
 * The last line of a transfer: `Wrote 1,234 rows (2.1 MB) to exports/x.csv in 3.4 s`. It goes to
 * stdout when the data went to a file (it is then the command's result) and to stderr when stdout
 * carries the data; `--quiet` drops it, `--json-log` adds a `done` event.
 */
export function reportWritten(
  written: WrittenExport,
  startedAt: number,
  context: CliContext,
  progress: Progress,
  quiet: boolean,
): void {
  const elapsedMs = context.now() - startedAt;
  progress.stop();
  progress.event('done', { path: written.path ?? '-', rows: written.rows, bytes: written.bytes, elapsedMs });
  if (quiet) return;
  const where = written.path === undefined ? 'stdout' : displayPath(written.path, context.cwd);
  const line = `Wrote ${formatCount(written.rows)} rows (${formatBytes(written.bytes)}) to ${where} in ${formatDuration(elapsedMs)}\n`;
  (written.path === undefined ? context.stderr : context.stdout).write(line);
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') || shown === '' ? path : shown;
}
