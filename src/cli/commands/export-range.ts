import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CareAnalytics, WindowUnit } from '../../index.js';
import type { Session } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { UsageError } from '../errors/usage-error.js';
import { parseChoice } from '../input/lists.js';
import type { ReportInput } from '../input/report-input.js';
import type { TimeRange } from '../input/time-range.js';
import { exportFileName, resolveDestination } from '../output/destination.js';
import { formatBytes, formatCount, formatDuration } from '../progress/format.js';
import { progressMode } from '../progress/progress.js';
import { rangeProgressPrinter } from '../progress/range-progress.js';

export interface RangeFlags {
  readonly out?: string;
  readonly window?: string;
  readonly partition?: boolean;
  readonly maxJobs?: string;
}

export const windowChoices: readonly WindowUnit[] = ['day', 'week', 'month', 'quarter'];

export function addRangeOptions(command: Command): Command {
  return command
    .option(
      '--window <unit>',
      'cut the range into calendar windows of a day, week, month (default) or quarter, one job each; any range length, resumable',
    )
    .option('--partition', 'with a window: one file per window in the --out directory, plus manifest.json')
    .option('--max-jobs <n>', MAX_JOBS_HELP);
}

export const MAX_JOBS_HELP =
  'export jobs kept at the service at once (default 7: 2 running + 5 queued per API user); lower it when other processes share the API user';

/** The client of the session, with `--max-jobs` applied. */
export function withMaxJobs(client: CareAnalytics, text: string | undefined): CareAnalytics {
  if (text === undefined) return client;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isSafeInteger(value) && value >= 1 && value <= 50))
    throw new UsageError(`--max-jobs: '${text}' is not a whole number from 1 to 50`, '--max-jobs');
  return client.withOptions({ maxConcurrentJobs: value });
}

/** The one export the API allows covers at most 3 calendar months (counted in UTC). */
function fitsOneExport(startTime: number, endTime: number): boolean {
  const limit = new Date(startTime);
  limit.setUTCMonth(limit.getUTCMonth() + 3);
  return endTime <= limit.getTime();
}

/** A range export when asked for one, or when the range is longer than one export may be. */
export function wantsRange(range: TimeRange, flags: RangeFlags): boolean {
  return (
    flags.window !== undefined || flags.partition === true || !fitsOneExport(range.startTime, range.endTime)
  );
}

/**
 * `export` over a range: windows through the client's scheduler into one merged file (or one per
 * window), with a manifest beside it that makes the same command, run again, continue.
 */
export async function exportRangeCommand(
  context: CliContext,
  globals: GlobalOptions,
  input: ReportInput,
  flags: RangeFlags,
  timeoutMs: number,
  open: () => Promise<Session>,
): Promise<void> {
  const window = parseChoice(flags.window ?? 'month', '--window', windowChoices);
  const out = flags.out ?? '.';
  if (out === '-') {
    throw new UsageError(
      '--out -: a range export writes a file (so that it can resume); give a file, or a directory with --partition',
      '--out',
    );
  }
  const path = flags.partition
    ? resolve(context.cwd, out)
    : (
        resolveDestination(
          out,
          exportFileName(input.type, input.range, input.zone, input.output),
          context.cwd,
        ) as {
          path: string;
        }
      ).path;
  const session = await open();
  const startedAt = context.now();
  try {
    const result = await withMaxJobs(session.client, flags.maxJobs).reports.exportRange(
      input.type,
      input.params as never,
      {
        out: path,
        format: input.output,
        window,
        timeZone: input.zone.kind === 'iana' ? input.zone.id : input.zone.offsetMs,
        partition: flags.partition === true,
        signal: context.signal,
        timeoutMs,
        onProgress: rangeProgressPrinter(progressMode(globals, context.stderr), context),
      },
    );
    if (globals.quiet) return;
    const kept = result.kept > 0 ? `, ${result.kept} kept from an earlier run` : '';
    context.stdout.write(
      `Wrote ${formatCount(result.rows)} rows (${formatBytes(result.bytes)}) in ${result.windows.length} windows${kept} to ${result.path} in ${formatDuration(context.now() - startedAt)}\n`,
    );
  } catch (error) {
    if (
      context.signal.aborted ||
      (error instanceof Error &&
        error.name !== 'UsageError' &&
        error.name !== 'ValidationError' &&
        error.name !== 'RangeExportError')
    )
      context.stderr.write(
        'Run the same command again to continue: finished windows are kept, started jobs picked up.\n',
      );
    throw error;
  } finally {
    await session.close();
  }
}
