import { Command } from 'commander';
import { envNames } from '../config/account.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors/usage-error.js';

export function sandboxCommand(context: CliContext): Command {
  return new Command('sandbox')
    .description('run the local sandbox service until Ctrl-C, printing its URL and credentials')
    .option('--port <port>', 'API port on 127.0.0.1 (default: a free port)')
    .option('--seed <n>', 'seed of the generated data (same seed, same exports)')
    .option('--rows-per-day <n>', 'event rows per day of range (default 500)')
    .option(
      '--speed <factor>',
      'divide job running times by this (default 1: about 1 s plus 0.05 ms per row)',
    )
    .addHelpText(
      'after',
      `
This is the one command that prints credentials: they are the sandbox's own throwaway ones,
known to this sandbox only and useless anywhere else. The lines on stdout
are in .env form, so another shell can use them:
  care-analytics sandbox > .env &          # then, in the same directory:
  care-analytics export conversation --last 7d --out exports/`,
    )
    .action(async (options: { port?: string; seed?: string; rowsPerDay?: string; speed?: string }) => {
      const settings = {
        ...(options.port !== undefined ? { port: wholeNumber(options.port, '--port', 0, 65_535) } : {}),
        ...(options.seed !== undefined ? { seed: wholeNumber(options.seed, '--seed', 0) } : {}),
        ...(options.rowsPerDay !== undefined
          ? { rowsPerDay: wholeNumber(options.rowsPerDay, '--rows-per-day', 1, 100_000_000) }
          : {}),
        ...(options.speed !== undefined ? { speed: positive(options.speed, '--speed') } : {}),
      };
      const { startSandbox } = await import('../../sandbox/index.js');
      const sandbox = await startSandbox(settings);
      context.stdout.write(
        [
          `${envNames.url}=${sandbox.url}`,
          `${envNames.user}=${sandbox.credentials.username}`,
          `${envNames.password}=${sandbox.credentials.password}`,
          `${envNames.companyKey}=${sandbox.credentials.companyKey}`,
          '',
        ].join('\n'),
      );
      context.stderr.write(
        `Sandbox running at ${sandbox.url} (storage ${sandbox.storageUrl}); script faults with POST ${sandbox.adminUrl}/faults. Ctrl-C stops it.\n`,
      );
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await sandbox.close();
      context.stderr.write('Sandbox stopped.\n');
    });
}

function wholeNumber(text: string, flag: string, minimum: number, maximum?: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < minimum || (maximum !== undefined && value > maximum)) {
    const range = maximum === undefined ? ` of at least ${minimum}` : ` from ${minimum} to ${maximum}`;
    throw new UsageError(`${flag}: '${text}' is not a whole number${range}`, flag);
  }
  return value;
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value))
    throw new UsageError(`${flag}: '${text}' is not a positive number`, flag);
  return value;
}
