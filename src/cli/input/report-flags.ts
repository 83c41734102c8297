import {
  acceptsValue,
  type ParameterRule,
  type ReportType,
  reportOperations,
  reportTypes,
} from '../../parameters/index.js';
import { UsageError } from '../errors/usage-error.js';
import { intervals, parseInterval } from './interval.js';
import { parseChoice, parseIntegerList, splitList } from './lists.js';
import type { TimeRange } from './time-range.js';

/** The report flags as commander hands them over (all strings, turned into values here). */
export interface ReportFlags {
  readonly format?: string | undefined;
  readonly locale?: string | undefined;
  readonly metric?: readonly string[] | undefined;
  readonly tz?: string | undefined; // already validated and canonical
  readonly tzOffsetMs?: number | undefined; // already parsed
  readonly priority?: readonly string[] | undefined;
  readonly workQueue?: readonly string[] | undefined;
  readonly smartView?: string | undefined;
  readonly businessHours?: string | undefined;
  readonly includeDisabled?: boolean | undefined;
  readonly conversationType?: string | undefined;
  readonly team?: readonly string[] | undefined;
  readonly agent?: readonly string[] | undefined;
  readonly interval?: string | undefined;
  readonly raiseLimit?: boolean | undefined;
}

/** Which flag sets each wire parameter; used for messages, `types`, and the client's errors. */
export const flagForParameter: Readonly<Record<string, string>> = {
  startTime: '--from',
  endTime: '--to',
  reportFormat: '--format',
  locale: '--locale',
  reportMetrics: '--metric',
  timezone: '--tz',
  timezoneOffset: '--tz-offset',
  priorities: '--priority',
  workqueueIds: '--work-queue',
  smartViewId: '--smart-view',
  enableBusinessHour: '--business-hours',
  businessHourType: '--business-hours',
  conversationReportType: '--conversation-type',
  includeDisabled: '--include-disabled',
  teamIds: '--team',
  teamId: '--team',
  agentId: '--agent',
  timeInterval: '--interval',
  raiselimit: '--raise-limit',
};

export type OutputFormat = 'csv' | 'json' | 'ndjson';

export function parseReportType(text: string): ReportType {
  const wanted = text.trim().toLowerCase().replaceAll('-', '_');
  const found = reportTypes.find((type) => type === wanted);
  if (found === undefined) {
    throw new UsageError(
      `unknown report type '${text}'; use one of ${reportTypes.join(', ')} (\`care-analytics types\` shows what each accepts)`,
      '<reportType>',
    );
  }
  return found;
}

export function parseOutputFormat(text: string | undefined): OutputFormat {
  return parseChoice(text ?? 'csv', '--format', ['csv', 'json', 'ndjson'] as const);
}

/**
 * Builds the client's parameter object for one report type from the flags: text becomes values.
 * What is the CLI's own stays here (a flag the type does not take, a required flag missing, text
 * that is not a number); whether a value is allowed is the client's rule (checkReportParams),
 * whose ValidationError names the parameter that describeError maps back to its flag.
 */
export function buildReportParameters(
  type: ReportType,
  range: TimeRange,
  flags: ReportFlags,
): Record<string, unknown> {
  const rules = new Map(reportOperations[type].parameters.map((rule) => [rule.name, rule]));
  const format = parseOutputFormat(flags.format);
  const params: Record<string, unknown> = {
    startTime: range.startTime,
    endTime: range.endTime,
    reportFormat: format === 'csv' ? 'csv' : 'json',
  };
  const set = (parameter: string, value: unknown, flag = flagForParameter[parameter] ?? parameter) => {
    const rule = rules.get(parameter);
    if (rule === undefined) throw notAccepted(type, flag);
    params[parameter] = value;
  };

  if (flags.locale !== undefined) set('locale', flags.locale.trim());
  const metrics = splitList(flags.metric);
  if (metrics.length > 0) set('reportMetrics', metrics);
  // --tz also anchors dates typed by the user, so it is not an error for a type that cannot format
  // dates with it (user); it is only sent where the API takes it.
  if (flags.tz !== undefined && rules.has('timezone')) set('timezone', flags.tz);
  if (flags.tzOffsetMs !== undefined) set('timezoneOffset', flags.tzOffsetMs);
  if (flags.priority !== undefined) set('priorities', parseIntegerList(flags.priority, '--priority'));
  if (flags.workQueue !== undefined)
    set('workqueueIds', values(rules.get('workqueueIds'), flags.workQueue, '--work-queue'));
  if (flags.smartView !== undefined) {
    const [id, ...more] = splitList(flags.smartView);
    if (id === undefined || more.length > 0) {
      throw new UsageError(
        '--smart-view: give exactly one smart view id (the API applies one smart view per export)',
        '--smart-view',
      );
    }
    set('smartViewId', scalar(rules.get('smartViewId'), id, '--smart-view'));
  }
  if (flags.businessHours !== undefined) {
    const choice = parseChoice(flags.businessHours, '--business-hours', ['within', 'outside'] as const);
    set('enableBusinessHour', true);
    set('businessHourType', choice === 'within');
  }
  if (flags.includeDisabled) set('includeDisabled', true);
  if (flags.conversationType !== undefined) {
    const rule = rules.get('conversationReportType');
    if (rule === undefined) throw notAccepted(type, '--conversation-type');
    set(
      'conversationReportType',
      parseChoice(flags.conversationType, '--conversation-type', (rule.enum ?? []).map(String)),
    );
  }
  if (flags.team !== undefined) {
    const parameter = rules.has('teamIds') ? 'teamIds' : 'teamId';
    set(parameter, values(rules.get(parameter), flags.team, '--team'));
  }
  if (flags.agent !== undefined) set('agentId', values(rules.get('agentId'), flags.agent, '--agent'));
  if (flags.interval !== undefined) set('timeInterval', parseInterval(flags.interval));
  if (flags.raiseLimit) set('raiselimit', true);

  for (const rule of rules.values()) {
    if (rule.required && params[rule.name] === undefined) {
      const flag = flagForParameter[rule.name] ?? rule.name;
      const hint = rule.name === 'timeInterval' ? ' (e.g. --interval 1h)' : '';
      throw new UsageError(`${flag} is required for report type ${type}${hint}`, flag);
    }
  }
  return params;
}

/** Report types that take a given flag, for "does not apply" messages. */
export function typesAcceptingFlag(flag: string): ReportType[] {
  return reportTypes.filter((type) =>
    reportOperations[type].parameters.some((rule) => flagForParameter[rule.name] === flag),
  );
}

function notAccepted(type: ReportType, flag: string): UsageError {
  const takers = typesAcceptingFlag(flag);
  const where = takers.length > 0 ? `; it applies to ${takers.join(', ')}` : '';
  return new UsageError(`${flag} does not apply to report type ${type}${where}`, flag);
}

/** The `--interval` words whose value the spec's `timeInterval` rule accepts. */
export function intervalChoices(rule: ParameterRule): string[] {
  return Object.entries(intervals)
    .filter(([, ms]) => acceptsValue(rule, ms))
    .map(([word]) => word);
}

/** An id typed on the command line: a plain whole number is that integer (as `/teams` lists it),
 * anything else the string it is; either way the same bytes go on the wire. */
const idOf = (item: string): string | number =>
  /^(0|[1-9]\d*)$/.test(item) && Number.isSafeInteger(Number(item)) ? Number(item) : item;

function values(rule: ParameterRule | undefined, raw: readonly string[], flag: string): (string | number)[] {
  if (rule?.items === 'integer') return parseIntegerList(raw, flag);
  const list = splitList(raw);
  if (list.length === 0) throw new UsageError(`${flag}: give at least one id`, flag);
  return rule?.items === 'integerOrString' ? list.map(idOf) : list;
}

function scalar(rule: ParameterRule | undefined, raw: string, flag: string): string | number {
  if (rule?.type === 'integer') return parseIntegerList(raw, flag)[0] ?? 0;
  return rule?.type === 'integerOrString' ? idOf(raw) : raw;
}
