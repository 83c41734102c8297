import { type Command, Option } from 'commander';

/** Commander reducer for flags that may repeat: `--metric a --metric b`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `--sandbox` only where the whole job happens within the command: a job started in a sandbox
 * that dies with the process could never be resumed by `status`, `wait` or `download`.
 */
export function addConnectionOptions(command: Command, { sandbox = true } = {}): Command {
  if (sandbox)
    command.option('--sandbox', 'run against a sandbox started in this process instead of a real account');
  return (
    command
      .option(
        '--password-stdin',
        'read the password from the first line of stdin (there is no password flag)',
      )
      // Not --env-file: Node 20 claims that flag anywhere on the command line and exits 9 when the
      // file is missing, before our own message can run.
      .option('--dotenv <path>', 'read KHOROS_ANALYTICS_* from this .env file instead of ./.env')
  );
}

export function addReportOptions(command: Command): Command {
  return command
    .option(
      '--from <time>',
      'start: ISO date (midnight in --tz or UTC), ISO date-time with offset, or epoch ms',
    )
    .option('--to <time>', 'end (exclusive), same forms as --from')
    .option(
      '--last <duration>',
      'instead of --from: 7d or 2w = whole days before today; 24h or 90m = up to now',
    )
    .option(
      '--tz <zone>',
      'IANA time zone for the dates you type and, where the type takes it, the dates in the export, e.g. America/Chicago',
    )
    .option('--tz-offset <offset>', 'fixed UTC offset for dates in the export, e.g. +05:30 (not DST-aware)')
    .addOption(
      new Option('--format <format>', 'csv, json, or ndjson (json rows, one per line)').default('csv'),
    )
    .option('--metric <name>', 'only this column, in this order (repeat or comma-separate)', collect)
    .option('--locale <locale>', 'language of the export: en, es, fr, de, tr')
    .option('--priority <list>', 'priorities 0-5, comma-separated, e.g. 0,1', collect)
    .option('--work-queue <ids>', 'work queue ids (repeat or comma-separate)', collect)
    .option('--team <ids>', 'team ids (repeat or comma-separate)', collect)
    .option('--agent <ids>', 'agent ids, user report only (repeat or comma-separate)', collect)
    .option('--smart-view <id>', 'one smart view id; its business-hour setting overrides --business-hours')
    .option('--business-hours <which>', 'within or outside business hours (default: 24/7)')
    .option('--include-disabled', 'include disabled agents and teams')
    .option('--conversation-type <type>', 'conversation report: open-at-end (default), closed or created')
    .option(
      '--interval <interval>',
      'bucket size: 5m 10m 15m 30m 1h 2h 4h 8h 12h 1d 1w, or month (monthly buckets)',
    )
    .option(
      '--raise-limit',
      'conversation_history_action: up to 2,000 actions per conversation (default 500)',
    );
}

export function addWaitOptions(command: Command): Command {
  return command.option('--timeout <duration>', 'give up waiting after this long, e.g. 30m or 2h', '1h');
}
