import { Command } from 'commander';
import { type ParameterRule, reportOperations, reportTypes } from '../../parameters/index.js';
import type { CliContext } from '../context.js';
import { typedChoice } from '../input/lists.js';
import { flagForParameter, intervalChoices, parseReportType } from '../input/report-flags.js';
import { renderTable } from '../output/table.js';

export function typesCommand(context: CliContext): Command {
  return new Command('types')
    .description('list the report types and the flags each accepts (from the OpenAPI spec)')
    .argument('[reportType]', 'show one type in detail')
    .option('--json', 'print the parameter table as JSON')
    .action((typeText: string | undefined, options: { json?: boolean }) => {
      const types = typeText === undefined ? reportTypes : [parseReportType(typeText)];
      if (options.json) {
        const table = Object.fromEntries(
          types.map((type) => [
            type,
            reportOperations[type].parameters.map((rule) => ({ flag: flagFor(rule), ...rule })),
          ]),
        );
        context.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
        return;
      }
      if (typeText === undefined) {
        const rows = types.map((type) => [type, optionalFlags(type).join(' ')]);
        context.stdout.write(
          renderTable(['REPORT TYPE', 'FLAGS (besides --from/--to/--last, --format, --tz)'], rows),
        );
        context.stdout.write('\n`care-analytics types <reportType>` shows values and descriptions.\n');
        return;
      }
      for (const type of types) {
        const rows = reportOperations[type].parameters.map((rule) => [
          flagFor(rule),
          rule.name,
          rule.required ? 'yes' : '',
          values(rule),
          rule.description,
        ]);
        context.stdout.write(`${type} (${reportOperations[type].path})\n`);
        context.stdout.write(renderTable(['FLAG', 'PARAMETER', 'REQUIRED', 'VALUES', 'DESCRIPTION'], rows));
      }
    });
}

const COMMON = new Set(['--from', '--to', '--format', '--tz']);

function optionalFlags(type: (typeof reportTypes)[number]): string[] {
  const flags = reportOperations[type].parameters.map(flagFor).filter((flag) => !COMMON.has(flag));
  return [...new Set(flags)];
}

function flagFor(rule: ParameterRule): string {
  return flagForParameter[rule.name] ?? rule.name;
}

function values(rule: ParameterRule): string {
  if (rule.name === 'timeInterval') return intervalChoices(rule).join(' ');
  if (rule.name === 'businessHourType') return 'within | outside';
  if (rule.name === 'conversationReportType')
    return (rule.enum ?? []).map(String).map(typedChoice).join(' | ');
  if (rule.name === 'timezoneOffset') return '+HH:MM';
  if (rule.name === 'reportFormat') return 'csv | json | ndjson';
  if (rule.name === 'startTime' || rule.name === 'endTime') return 'date | date-time | epoch ms';
  if (rule.enum !== undefined) return rule.enum.join(' | ');
  const bounds =
    rule.minimum !== undefined && rule.maximum !== undefined ? ` ${rule.minimum}-${rule.maximum}` : '';
  const type = rule.type === 'array' ? `${rule.items ?? 'string'} list` : rule.type;
  return `${type}${bounds}`;
}
