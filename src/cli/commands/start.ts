import { Command } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { type RawReportOptions, resolveReportInput } from '../input/report-input.js';
import { addConnectionOptions, addReportOptions } from './options.js';

export function startCommand(context: CliContext): Command {
  const command = new Command('start')
    .description('start a report and print the job as JSON at once (for `status`, `wait`, `download`)')
    .argument('<reportType>', 'one of the 13 report types (`care-analytics types` lists them)');
  addReportOptions(command);
  addConnectionOptions(command, { sandbox: false });
  command.addHelpText(
    'after',
    `
The printed JSON holds no secret; keep it to pick the job up later, from any machine.
--format ndjson starts a json report; \`download --format ndjson\` converts it.

  care-analytics start conversation --last 7d > job.json
  care-analytics wait job.json && care-analytics download job.json --out exports/`,
  );
  return command.action(
    async (typeText: string, options: RawReportOptions & ConnectionOptions, self: Command) => {
      const input = resolveReportInput(typeText, options, context.now());
      const session = await openSession(options, context, self.optsWithGlobals<GlobalOptions>());
      try {
        const job = await session.client.reports.start(input.type, input.params as never, {
          signal: context.signal,
        });
        context.stdout.write(`${JSON.stringify(job.toJSON())}\n`);
      } finally {
        await session.close();
      }
    },
  );
}
