import { Command } from 'commander';
import { envNames } from '../config/account.js';
import type { CliContext } from '../context.js';
import { parseIntegerList } from '../input/lists.js';

export function sandboxCommand(context: CliContext): Command {
  return new Command('sandbox')
    .description('run the local sandbox service until Ctrl-C, printing its URL and credentials')
    .option('--port <port>', 'API port on 127.0.0.1 (default: a free port)')
    .addHelpText(
      'after',
      `
This is the one command that prints credentials: they are the sandbox's own throwaway ones,
known to this sandbox only and useless anywhere else. The lines on stdout
are in .env form, so another shell can use them:
  care-analytics sandbox > .env &          # then, in the same directory:
  care-analytics export conversation --last 7d --out exports/`,
    )
    .action(async (options: { port?: string }) => {
      const port = options.port !== undefined ? parsePort(options.port) : undefined;
      const { startSandbox } = await import('../../sandbox/index.js');
      const sandbox = await startSandbox(port !== undefined ? { port } : {});
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

function parsePort(text: string): number {
  const [port = Number.NaN] = parseIntegerList(text, '--port', { minimum: 0, maximum: 65535 });
  return port;
}
