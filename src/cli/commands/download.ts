import { Command, Option } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { parseOutputFormat } from '../input/report-flags.js';
import { assertWritable } from '../output/atomic-file.js';
import { resolveDestination } from '../output/destination.js';
import { checkConvertible } from '../output/write-export.js';
import { progressMode } from '../progress/progress.js';
import { createProgress } from '../progress/reporter.js';
import { addConnectionOptions } from './options.js';
import { addJobArgument, type JobArgumentOptions, jobFromArguments, resumeJob } from './resume-job.js';
import { reportWritten, transfer } from './transfer.js';

interface DownloadOptions extends JobArgumentOptions, ConnectionOptions {
  readonly out: string;
  readonly format?: string;
}

export function downloadCommand(context: CliContext): Command {
  const command = new Command('download').description(
    "download a finished job's export to a file or stdout (no partial file on failure)",
  );
  addJobArgument(command);
  command
    .requiredOption(
      '-o, --out <path>',
      'a file; an existing directory or a path ending in / (a named file is created inside); or - for stdout',
    )
    .addOption(new Option('--format <format>', "csv, json or ndjson (default: the job's own format)"));
  addConnectionOptions(command, { sandbox: false });
  return command.action(async (args: string[], options: DownloadOptions, self: Command) => {
    const globals = self.optsWithGlobals<GlobalOptions>();
    const startedAt = context.now();
    const { state, label } = jobFromArguments(args, options, context);
    const jobFormat = state.format === 'json' ? 'json' : 'csv';
    const output = parseOutputFormat(options.format ?? jobFormat);
    checkConvertible(jobFormat, output);
    const name = `${label}-${String(state.workflowId).slice(0, 8)}.${output}`;
    const destination = resolveDestination(options.out, name, context.cwd);
    if (destination.kind === 'file') assertWritable(destination.path);
    const progress = createProgress(progressMode(globals, context.stderr), context.stderr, context.now);
    const session = await openSession(options, context, globals, progress);
    try {
      progress.update({ reportType: label });
      const written = await transfer(resumeJob(session, state), output, destination, context, progress);
      reportWritten(written, startedAt, context, progress, globals.quiet === true);
    } finally {
      progress.stop();
      await session.close();
    }
  });
}
