import { Command } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { parseDuration } from '../input/duration.js';
import { type RawReportOptions, resolveReportInput } from '../input/report-input.js';
import { assertWritable } from '../output/atomic-file.js';
import { exportFileName, resolveDestination } from '../output/destination.js';
import { progressMode } from '../progress/progress.js';
import { createProgress } from '../progress/reporter.js';
import { addRangeOptions, exportRangeCommand, type RangeFlags, wantsRange } from './export-range.js';
import { describeUnfinishedJob, progressFromPoll } from './job-progress.js';
import { addConnectionOptions, addReportOptions, addWaitOptions } from './options.js';
import { reportWritten, transfer } from './transfer.js';

interface ExportOptions extends RawReportOptions, ConnectionOptions, RangeFlags {
  readonly out?: string;
  readonly timeout: string;
}

export function exportCommand(context: CliContext): Command {
  const command = new Command('export')
    .description('run a report end to end: start it, wait for it, download it to a file or stdout')
    .argument('<reportType>', 'one of the 13 report types (`care-analytics types` lists them)')
    .option(
      '-o, --out <path>',
      'a file; an existing directory or a path ending in / (a named file is created inside); or - for stdout',
      '.',
    );
  addReportOptions(command);
  addRangeOptions(command);
  addWaitOptions(command);
  addConnectionOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  care-analytics export conversation --sandbox --last 7d --out exports/
  care-analytics export conversation --from 2026-11-01 --to 2026-11-08 --tz America/Chicago --out week.csv
  care-analytics export team_performance_interval --last 1d --interval 1h --format json --out - | jq length
  care-analytics export team_performance_interval --from 2026-01-01 --to 2026-04-01 --interval month --out q1.csv
  care-analytics export user --last 2w --format ndjson --out users.ndjson
  care-analytics export conversation --from 2025-06-01 --to 2026-12-01 --window month --out backfill.csv
  care-analytics export response --from 2025-06-01 --to 2026-12-01 --partition --out response/`,
  );
  return command.action(async (typeText: string, options: ExportOptions, self: Command) => {
    const globals = self.optsWithGlobals<GlobalOptions>();
    const startedAt = context.now();
    const input = resolveReportInput(typeText, options, startedAt, (range) => wantsRange(range, options));
    const timeoutMs = parseDuration(options.timeout, '--timeout');
    if (wantsRange(input.range, options))
      return exportRangeCommand(context, globals, input, options, timeoutMs, () =>
        openSession(options, context, globals),
      );
    const extension = input.output;
    const destination = resolveDestination(
      options.out ?? '.',
      exportFileName(input.type, input.range, input.zone, extension),
      context.cwd,
    );
    if (destination.kind === 'file') assertWritable(destination.path);
    const progress = createProgress(progressMode(globals, context.stderr), context.stderr, context.now);
    const session = await openSession(options, context, globals, progress);
    let job: Awaited<ReturnType<typeof session.client.reports.start>> | undefined;
    let completed = false;
    try {
      progress.update({ phase: 'starting', reportType: input.type });
      job = await session.client.reports.start(input.type, input.params as never, { signal: context.signal });
      progress.event('started', { workflowId: job.workflowId, runId: job.runId, reportType: input.type });
      await job.wait({
        signal: context.signal,
        timeoutMs,
        onProgress: (poll) => progress.update(progressFromPoll(poll)),
      });
      completed = true;
      const written = await transfer(job, input.output, destination, context, progress);
      reportWritten(written, startedAt, context, progress, globals.quiet === true);
    } catch (error) {
      progress.stop();
      if (job !== undefined && session.target === 'account')
        describeUnfinishedJob(job, completed, error, context);
      throw error;
    } finally {
      progress.stop();
      await session.close();
    }
  });
}
