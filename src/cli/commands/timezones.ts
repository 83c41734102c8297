import { Command } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { renderTable } from '../output/table.js';
import { addConnectionOptions } from './options.js';

export function timezonesCommand(context: CliContext): Command {
  const command = new Command('timezones')
    .description('list the time-zone ids the service accepts for --tz')
    .option('--locale <locale>', 'language of the zone names (en, es, fr, de, tr)')
    .option('--json', 'print the list as JSON');
  addConnectionOptions(command);
  return command.action(
    async (options: ConnectionOptions & { locale?: string; json?: boolean }, self: Command) => {
      const session = await openSession(options, context, self.optsWithGlobals<GlobalOptions>());
      try {
        const zones = await session.client.timezones.list({
          signal: context.signal,
          ...(options.locale !== undefined ? { locale: options.locale } : {}),
        });
        if (options.json) {
          context.stdout.write(`${JSON.stringify(zones, null, 2)}\n`);
          return;
        }
        const rows = zones.map((zone) => [zone.id, zone.offsetString ?? '', zone.name ?? '']);
        context.stdout.write(renderTable(['ID', 'OFFSET', 'NAME'], rows));
      } finally {
        await session.close();
      }
    },
  );
}
