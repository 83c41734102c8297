import { Command } from 'commander';
import { envNames } from './config/account.js';
import type { CliContext } from './context.js';
import { exitCodeHelp } from './errors/exit-codes.js';

type CommandFactory = (context: CliContext) => Command;

// Each command's module (and through it the client, the sandbox, the output writers) loads only
// when that command runs: `care-analytics wait …` never loads what `export` or `sandbox` need.
const commands: Record<string, () => Promise<CommandFactory>> = {
  export: async () => (await import('./commands/export.js')).exportCommand,
  sync: async () => (await import('./commands/sync.js')).syncCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  wait: async () => (await import('./commands/wait.js')).waitCommand,
  download: async () => (await import('./commands/download.js')).downloadCommand,
  timezones: async () => (await import('./commands/timezones.js')).timezonesCommand,
  teams: async () => (await import('./commands/teams.js')).teamsCommand,
  types: async () => (await import('./commands/types.js')).typesCommand,
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand,
};

/**
 * The `care-analytics` command tree for `argv`: the command it names, or all of them when it
 * names none (help, a typo: the listing and the suggestions need every command). Commander only
 * collects strings; our code validates them.
 */
export async function createProgram(
  context: CliContext,
  version: string,
  argv: readonly string[],
): Promise<Command> {
  // Global options take no value, so the first word that is not an option is the command.
  const named = argv.find((arg) => !arg.startsWith('-'));
  const wanted = named !== undefined && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);
  const factories = await Promise.all(
    wanted.map((name) => (commands[name] as () => Promise<CommandFactory>)()),
  );
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
  for (const command of factories.map((factory) => factory(context))) {
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
