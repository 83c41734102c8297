import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { ReportType, SyncState, SyncWindowEvent } from '../../index.js';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { UsageError } from '../errors/usage-error.js';
import { parseDuration } from '../input/duration.js';
import { parseInstant } from '../input/instant.js';
import { parseChoice } from '../input/lists.js';
import { buildReportParameters, parseOutputFormat, parseReportType } from '../input/report-flags.js';
import { parseTimeZone, utc, type Zone } from '../input/zone.js';
import { formatBytes, formatCount, formatDuration } from '../progress/format.js';
import { progressMode } from '../progress/progress.js';
import { MAX_JOBS_HELP, windowChoices, withMaxJobs } from './export-range.js';
import { addConnectionOptions } from './options.js';

interface SyncFlags extends ConnectionOptions {
  readonly out?: string;
  readonly state?: string;
  readonly since?: string;
  readonly window?: string;
  readonly lookback?: string;
  readonly tz?: string;
  readonly format?: string;
  readonly timeout: string;
  readonly maxJobs?: string;
}

function readState(path: string): SyncState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SyncState;
  } catch (error) {
    throw new UsageError(
      `--state: ${path} is not a sync state (${(error as Error).message}); restore it or remove it and pass --since`,
      '--state',
    );
  }
}

/** Written whole then renamed: a crash leaves the old state or the new, never half of one. */
function writeState(path: string, state: SyncState): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, path);
}

export function syncCommand(context: CliContext): Command {
  const command = new Command('sync')
    .description(
      'bring a directory of exports up to date: one file per window and type, from a saved bookmark to the end of yesterday',
    )
    .argument('<reportType...>', 'one or more report types; they share one job scheduler')
    .option('--out <dir>', 'directory; files go to <dir>/<type>/<window>.<format>')
    .option('--state <file>', "JSON file holding each type's bookmark (created on the first run)")
    .option('--since <time>', 'where a type without a bookmark starts (first run): a date or date-time')
    .option('--window <unit>', 'day, week, month (default) or quarter')
    .option(
      '--lookback <duration>',
      'also export again closed windows within this span before the end, e.g. 3d (late data)',
    )
    .option(
      '--tz <zone>',
      'IANA time zone of the day and window boundaries (and of dates in the export); default UTC',
    )
    .option('--format <format>', 'csv (default), json, or ndjson')
    .option('--timeout <duration>', 'give up on one window after this long', '1h')
    .option('--max-jobs <n>', MAX_JOBS_HELP);
  addConnectionOptions(command, { sandbox: false });
  command.addHelpText(
    'after',
    `
Exit code 0 also when there was nothing new ("up to date"). A run that fails keeps every
bookmark it advanced; run it again.

Example (nightly, from cron):
  care-analytics sync conversation response --out /data/care --state /data/care/state.json --since 2025-06-01`,
  );
  return command.action(async (typeTexts: string[], flags: SyncFlags, self: Command) => {
    const globals = self.optsWithGlobals<GlobalOptions>();
    const types: ReportType[] = [...new Set(typeTexts.map(parseReportType))];
    if (flags.out === undefined)
      throw new UsageError('--out is missing: give the directory the files go to', '--out');
    if (flags.state === undefined)
      throw new UsageError('--state is missing: give the JSON file that keeps the bookmarks', '--state');
    const format = parseOutputFormat(flags.format);
    const window = parseChoice(flags.window ?? 'month', '--window', windowChoices);
    const tz = flags.tz === undefined ? undefined : parseTimeZone(flags.tz);
    const zone: Zone = tz === undefined ? utc : { kind: 'iana', id: tz };
    const since = flags.since === undefined ? undefined : parseInstant(flags.since, '--since', zone);
    const lookbackMs = flags.lookback === undefined ? 0 : parseDuration(flags.lookback, '--lookback');
    const timeoutMs = parseDuration(flags.timeout, '--timeout');
    const statePath = resolve(context.cwd, flags.state);
    const state = readState(statePath);
    for (const type of types) {
      if (state?.types?.[type] === undefined && since === undefined)
        throw new UsageError(
          `--since is missing: ${type} has no bookmark in ${flags.state} yet; give --since for its first run`,
          '--since',
        );
    }
    const params = Object.fromEntries(
      types.map((type) => {
        const {
          startTime: _s,
          endTime: _e,
          ...rest
        } = buildReportParameters(type, { startTime: 0, endTime: 1, wholeDays: true }, { format, tz });
        return [type, rest];
      }),
    );
    const mode = progressMode(globals, context.stderr);
    const onWindow = (event: SyncWindowEvent) => {
      if (mode === 'quiet' || event.state !== 'done') return;
      if (mode === 'json') {
        context.stderr.write(
          `${JSON.stringify({ event: 'window', time: new Date(context.now()).toISOString(), ...event })}\n`,
        );
      } else {
        context.stderr.write(
          `${event.type} ${event.label}${event.open ? ' (open)' : ''} done · ${formatCount(event.rows ?? 0)} rows · ${formatBytes(event.bytes ?? 0)}\n`,
        );
      }
    };
    const session = await openSession(flags, context, globals);
    const startedAt = context.now();
    try {
      const result = await withMaxJobs(session.client, flags.maxJobs).sync({
        types,
        out: resolve(context.cwd, flags.out),
        state,
        ...(since === undefined ? {} : { since }),
        window,
        lookbackMs,
        timeZone: tz ?? 0,
        format,
        params,
        signal: context.signal,
        timeoutMs,
        now: context.now(),
        onState: (next) => writeState(statePath, next),
        onWindow,
      });
      if (!state && result.upToDate) writeState(statePath, result.state);
      if (globals.quiet) return;
      if (result.upToDate) {
        context.stdout.write(`Up to date: ${types.join(', ')} (no job started)\n`);
        return;
      }
      const rows = result.windows.reduce((sum, w) => sum + (w.rows ?? 0), 0);
      const bytes = result.windows.reduce((sum, w) => sum + (w.bytes ?? 0), 0);
      context.stdout.write(
        `Synced ${result.windows.length} windows (${formatCount(rows)} rows, ${formatBytes(bytes)}) of ${types.join(', ')} in ${formatDuration(context.now() - startedAt)}; state in ${flags.state}\n`,
      );
    } finally {
      await session.close();
    }
  });
}
