import { Command } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { addConnectionOptions } from './options.js';
import { addJobArgument, type JobArgumentOptions, jobFromArguments, resumeJob } from './resume-job.js';

export function statusCommand(context: CliContext): Command {
  const command = new Command('status').description(
    'print the job status as JSON once (state: running, completed or failed); exit 0 whatever the state',
  );
  addJobArgument(command);
  addConnectionOptions(command, { sandbox: false });
  return command.action(
    async (args: string[], options: JobArgumentOptions & ConnectionOptions, self: Command) => {
      const { state } = jobFromArguments(args, options, context);
      const session = await openSession(options, context, self.optsWithGlobals<GlobalOptions>());
      try {
        const status = await resumeJob(session, state).status({ signal: context.signal });
        context.stdout.write(`${JSON.stringify(status)}\n`);
      } finally {
        await session.close();
      }
    },
  );
}
