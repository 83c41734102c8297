import { Command } from 'commander';
import { type ConnectionOptions, openSession } from '../config/session.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { renderTable } from '../output/table.js';
import { addConnectionOptions } from './options.js';

export function teamsCommand(context: CliContext): Command {
  const command = new Command('teams')
    .description('list the teams of the account (their ids go to --team)')
    .option('--json', 'print the list as JSON');
  addConnectionOptions(command);
  return command.action(async (options: ConnectionOptions & { json?: boolean }, self: Command) => {
    const session = await openSession(options, context, self.optsWithGlobals<GlobalOptions>());
    try {
      const teams = await session.client.teams.list({ signal: context.signal });
      if (options.json) {
        context.stdout.write(`${JSON.stringify(teams, null, 2)}\n`);
        return;
      }
      const rows = teams.map((team) => [
        String(team.teamId),
        team.name ?? '',
        String(team.numberOfMembers ?? ''),
        team.description ?? '',
      ]);
      context.stdout.write(renderTable(['TEAM ID', 'NAME', 'MEMBERS', 'DESCRIPTION'], rows));
    } finally {
      await session.close();
    }
  });
}
