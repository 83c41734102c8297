import { Command } from 'commander';
import { ReportFailedError } from '../../index.js';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { parseDuration } from '../input/duration.js';
import { progressMode } from '../progress/progress.js';
import { createProgress } from '../progress/reporter.js';
import { progressFromPoll } from './job-progress.js';
import { addConnectionOptions, addWaitOptions } from './options.js';
import { addJobArgument, type JobArgumentOptions, jobFromArguments, resumeJob } from './resume-job.js';

export function waitCommand(context: CliContext): Command {
  const command = new Command('wait').description(
    'wait until the job is done and print its final status as JSON (exit 4 if it failed, 5 on timeout)',
  );
  addJobArgument(command);
  addWaitOptions(command);
  addConnectionOptions(command, { sandbox: false });
  return command.action(
    async (
      args: string[],
      options: JobArgumentOptions & ConnectionOptions & { timeout: string },
      self: Command,
    ) => {
      const globals = self.optsWithGlobals<GlobalOptions>();
      const { state, label } = jobFromArguments(args, options, context);
      const timeoutMs = parseDuration(options.timeout, '--timeout');
      const progress = createProgress(progressMode(globals, context.stderr), context.stderr, context.now);
      const session = await openSession(options, context, globals, progress);
      try {
        const job = resumeJob(session, state);
        progress.update({ phase: 'waiting', reportType: label });
        const status = await job
          .wait({
            signal: context.signal,
            timeoutMs,
            onProgress: (poll) => progress.update(progressFromPoll(poll)),
          })
          .catch((error: unknown) => {
            // A failed job's final status is still the answer a script asked for; exit 4 says how it ended.
            if (error instanceof ReportFailedError) context.stdout.write(`${JSON.stringify(error.status)}\n`);
            throw error;
          });
        progress.stop();
        context.stdout.write(`${JSON.stringify(status)}\n`);
      } finally {
        progress.stop();
        await session.close();
      }
    },
  );
}
