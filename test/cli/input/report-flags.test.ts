import { describe, expect, it } from 'vitest';
import { type ParameterRule, reportOperations, reportTypes } from '../../../generated/report-parameters.js';
import { describeError } from '../../../src/cli/errors/describe-error.js';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import {
  buildReportParameters,
  flagForParameter,
  intervalChoices,
  parseReportType,
  typesAcceptingFlag,
} from '../../../src/cli/input/report-flags.js';
import { resolveReportInput } from '../../../src/cli/input/report-input.js';
import { ValidationError } from '../../../src/index.js';
import { catchError } from '../support/catch-error.js';

const range = { startTime: 1_000, endTime: 2_000, wholeDays: false };
const now = Date.parse('2026-11-28T20:54:13Z');

describe('parseReportType', () => {
  it('accepts the 13 types, also with dashes or capitals', () => {
    for (const type of reportTypes) expect(parseReportType(type)).toBe(type);
    expect(parseReportType('Team-Performance-Interval')).toBe('team_performance_interval');
  });

  it('names the types when one is unknown', () => {
    const error = catchError(() => parseReportType('conversations'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain("unknown report type 'conversations'");
    expect(error.message).toContain('conversation_actions');
  });
});

describe('buildReportParameters', () => {
  it('always sends the range and the API format (ndjson is a json export)', () => {
    expect(buildReportParameters('conversation', range, {})).toEqual({
      startTime: 1_000,
      endTime: 2_000,
      reportFormat: 'csv',
    });
    expect(buildReportParameters('conversation', range, { format: 'ndjson' }).reportFormat).toBe('json');
    expect(buildReportParameters('conversation', range, { format: 'JSON' }).reportFormat).toBe('json');
    expect(() => buildReportParameters('conversation', range, { format: 'xml' })).toThrow('--format');
  });

  it('maps every human flag to its wire parameter', () => {
    const params = buildReportParameters('conversation', range, {
      locale: 'de',
      metric: ['CONVERSATION_ID,STATUS', 'ASSIGNED_AGENT_DISPLAY_ID'],
      tz: 'America/Chicago',
      tzOffsetMs: 19_800_000,
      priority: ['0,1', '2'],
      workQueue: ['12', '40'],
      smartView: '7',
      businessHours: 'outside',
      conversationType: 'closed',
    });
    expect(params).toEqual({
      startTime: 1_000,
      endTime: 2_000,
      reportFormat: 'csv',
      locale: 'de',
      reportMetrics: ['CONVERSATION_ID', 'STATUS', 'ASSIGNED_AGENT_DISPLAY_ID'],
      timezone: 'America/Chicago',
      timezoneOffset: 19_800_000,
      priorities: [0, 1, 2],
      workqueueIds: [12, 40],
      smartViewId: 7,
      enableBusinessHour: true,
      businessHourType: false,
      conversationReportType: 'CLOSED',
    });
    expect(buildReportParameters('conversation', range, { businessHours: 'within' }).businessHourType).toBe(
      true,
    );
  });

  it('sends --team as teamIds or as repeated teamId, whichever the type takes', () => {
    expect(buildReportParameters('team_performance', range, { team: ['3,4'] }).teamIds).toEqual([3, 4]);
    const user = buildReportParameters('user', range, {
      team: ['3'],
      agent: ['9', '10'],
      includeDisabled: true,
    });
    expect(user.teamId).toEqual([3]);
    expect(user.agentId).toEqual([9, 10]);
    expect(user.includeDisabled).toBe(true);
  });

  it('--tz is not sent to a type that cannot format dates with it (it still anchors typed dates)', () => {
    expect(buildReportParameters('user', range, { tz: 'Europe/Berlin' })).not.toHaveProperty('timezone');
  });

  it('refuses a flag the type does not take, naming the types that do', () => {
    const error = catchError(() => buildReportParameters('conversation', range, { interval: '1h' }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      '--interval does not apply to report type conversation; it applies to team_performance_interval',
    );
    expect(
      catchError(() => buildReportParameters('author', range, { conversationType: 'closed' })).message,
    ).toContain('--conversation-type does not apply to report type author');
    expect(
      catchError(() => buildReportParameters('conversation', range, { raiseLimit: true })).message,
    ).toContain('it applies to conversation_history_action');
  });

  it('requires --interval for team_performance_interval and converts it', () => {
    expect(catchError(() => buildReportParameters('team_performance_interval', range, {})).message).toBe(
      '--interval is required for report type team_performance_interval (e.g. --interval 1h)',
    );
    expect(buildReportParameters('team_performance_interval', range, { interval: '15m' }).timeInterval).toBe(
      900_000,
    );
  });

  it('sends --interval month as a value above a week (monthly buckets), accepted by the spec rule', () => {
    const rule = reportOperations.team_performance_interval.parameters.find((p) => p.name === 'timeInterval');
    expect(rule?.orAbove).toBe(604_800_000);
    for (const text of ['month', 'Monthly', '1mo', '2592000000'])
      expect(buildReportParameters('team_performance_interval', range, { interval: text }).timeInterval).toBe(
        2_592_000_000,
      );
    expect(
      buildReportParameters('team_performance_interval', range, { interval: '2678400000' }).timeInterval,
    ).toBe(2_678_400_000);
    expect(intervalChoices(rule as ParameterRule)).toEqual([
      ...['5m', '10m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '1d', '1w'],
      'month',
    ]);
  });

  it('offers month only where the spec rule has a monthly form', () => {
    const fixedOnly: ParameterRule = {
      name: 'timeInterval',
      location: 'query',
      required: true,
      type: 'integer',
      enum: [3_600_000, 86_400_000],
      serialization: 'scalar',
      description: 'Bucket width.',
    };
    expect(intervalChoices(fixedOnly)).toEqual(['1h', '1d']);
    expect(intervalChoices({ ...fixedOnly, orAbove: 604_800_000 })).toEqual(['1h', '1d', 'month']);
  });

  it('checks values against the spec: priorities 0-5, the conversation types, one smart view', () => {
    // Whether a value is allowed is the client's rule: its ValidationError names the parameter,
    // and the CLI's message names the flag.
    expect(buildReportParameters('conversation', range, { priority: ['6'] }).priorities).toEqual([6]);
    const priority = catchError(() =>
      resolveReportInput('conversation', { last: '7d', priority: ['0,6'] }, now),
    );
    expect(priority).toBeInstanceOf(ValidationError);
    expect((priority as ValidationError).parameter).toBe('priorities');
    expect(describeError(priority, [])).toBe(
      'Invalid priorities: item 1: 6 is not allowed. Fix: use an integer from 0 to 5 (--priority)',
    );
    const interval = catchError(() =>
      resolveReportInput('team_performance_interval', { last: '7d', interval: '3600001' }, now),
    );
    expect((interval as ValidationError).parameter).toBe('timeInterval');
    expect(describeError(interval, [])).toContain('(--interval)');
    expect(() => buildReportParameters('conversation', range, { conversationType: 'open' })).toThrow(
      "--conversation-type: 'open' is not one of open-at-end, closed, created",
    );
    expect(() => buildReportParameters('conversation', range, { smartView: '1,2' })).toThrow('exactly one');
    // Ids are integers or strings (the vendor types them as strings): both pass, unchanged.
    expect(buildReportParameters('conversation', range, { workQueue: ['12,wq-40'] }).workqueueIds).toEqual([
      12,
      'wq-40',
    ]);
    expect(buildReportParameters('conversation', range, { smartView: 'sv-7' }).smartViewId).toBe('sv-7');
    expect(() => buildReportParameters('conversation', range, { workQueue: [','] })).toThrow(
      '--work-queue: give at least one id',
    );
  });

  it('knows a flag for every parameter of every report type', () => {
    for (const type of reportTypes) {
      for (const rule of reportOperations[type].parameters)
        expect(flagForParameter[rule.name], rule.name).toBeDefined();
    }
    expect(typesAcceptingFlag('--include-disabled')).toEqual(
      expect.arrayContaining(['response_approval', 'team_performance', 'team_performance_interval', 'user']),
    );
  });
});

describe('resolveReportInput', () => {
  it('anchors typed dates in --tz, else --tz-offset, else UTC', () => {
    const chicago = resolveReportInput(
      'conversation',
      { from: '2026-11-01', to: '2026-11-02', tz: 'america/chicago' },
      now,
    );
    expect(chicago.params.startTime).toBe(Date.parse('2026-11-01T05:00:00Z'));
    expect(chicago.params.timezone).toBe('America/Chicago');
    const offset = resolveReportInput(
      'conversation',
      { from: '2026-11-01', to: '2026-11-02', tzOffset: '+05:30' },
      now,
    );
    expect(offset.params.startTime).toBe(Date.parse('2026-10-31T18:30:00Z'));
    expect(offset.params.timezoneOffset).toBe(19_800_000);
    const plain = resolveReportInput('conversation', { last: '7d' }, now);
    expect(plain.params.startTime).toBe(Date.parse('2026-11-21T00:00:00Z'));
    expect(plain.output).toBe('csv');
  });

  it('fails on the first bad input with a usage error', () => {
    expect(() => resolveReportInput('nope', { last: '7d' }, now)).toThrow('unknown report type');
    expect(() => resolveReportInput('conversation', { last: '7d', tz: 'Nowhere/City' }, now)).toThrow('--tz');
  });
});
