import { Command } from 'commander';
import { downloadCommand } from './commands/download.js';
import { exportCommand } from './commands/export.js';
import { sandboxCommand } from './commands/sandbox.js';
import { startCommand } from './commands/start.js';
import { statusCommand } from './commands/status.js';
import { syncCommand } from './commands/sync.js';
import { teamsCommand } from './commands/teams.js';
import { timezonesCommand } from './commands/timezones.js';
import { typesCommand } from './commands/types.js';
import { waitCommand } from './commands/wait.js';
import { envNames } from './config/account.js';
import type { CliContext } from './context.js';
import { exitCodeHelp } from './errors/exit-codes.js';

/** The `care-analytics` command tree. Commander only collects strings; our code validates them. */
export function createProgram(context: CliContext, version: string): Command {
  const program = new Command('care-analytics')
    .description('Export Khoros Care Analytics reports: start, wait, download, with progress and safe files.')
    .version(version, '-V, --version')
    .option('-q, --quiet', 'no progress and no summary on stderr/stdout (data and errors only)')
    .option('--json-log', 'progress as JSON lines on stderr (events: progress, started, done, error)')
    .option(
      '--debug',
      'print each request and response, and the stack trace of errors (secrets are still masked)',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    });
  for (const command of [
    exportCommand(context),
    syncCommand(context),
    startCommand(context),
    statusCommand(context),
    waitCommand(context),
    downloadCommand(context),
    timezonesCommand(context),
    teamsCommand(context),
    typesCommand(context),
    sandboxCommand(context),
  ]) {
    program.addCommand(
      command
        .exitOverride()
        .configureOutput(program.configureOutput())
        .showHelpAfterError('(add --help for usage)'),
    );
  }
  program.addHelpText(
    'after',
    `
Account: set ${envNames.url} (your region's API URL), ${envNames.user}, ${envNames.password}
and ${envNames.companyKey} in the environment or a .env file; or pass --sandbox to run
against a sandbox started in-process. There is no password flag; use --password-stdin.

Progress goes to stderr; stdout carries only data (with --out -) or the result.

${exitCodeHelp}

Example (a week of conversations from the built-in sandbox):
  care-analytics export conversation --sandbox --last 7d --format csv --out exports/`,
  );
  return program;
}
