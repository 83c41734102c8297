import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationWarning } from '../../../src/index.js';
import { collectWarnings } from '../../../src/parameters/warnings.js';
import { DAY, observedClient, started, window } from '../support/observed-fetch.js';

/** Calls start() from "JavaScript": no compile-time help, so runtime validation must catch it. */
async function rejectionOf(type: string, params: Record<string, unknown>) {
  const { ca, requests } = observedClient(() => started());
  const start = ca.reports.start as (t: string, p: unknown) => Promise<unknown>;
  const error = await start(type, params).catch((e: unknown) => e);
  expect(requests, 'no request may be sent for invalid input').toHaveLength(0);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('runtime validation, before any request', () => {
  it.each([
    ['an unknown report type', 'nope', window, 'reportType', /use one of author, combined/],
    [
      'a parameter of another type',
      'author',
      { ...window, timeInterval: 3_600_000 },
      'timeInterval',
      /team_performance_interval/,
    ],
    [
      'a made-up parameter',
      'author',
      { ...window, colour: 'red' },
      'colour',
      /author accepts startTime, endTime/,
    ],
    [
      'companyKey as a parameter',
      'author',
      { ...window, companyKey: 'x' },
      'companyKey',
      /createCareAnalytics/,
    ],
    [
      'a missing startTime',
      'author',
      { endTime: window.endTime },
      'startTime',
      /Fix: pass startTime, a Date, epoch milliseconds or an ISO 8601 date-time$/,
    ],
    [
      'a missing timeInterval',
      'team_performance_interval',
      window,
      'timeInterval',
      /Fix: pass timeInterval, one of 300000, .*604800000, or an integer above 604800000 for monthly buckets/,
    ],
    [
      'start after end',
      'author',
      { startTime: window.endTime, endTime: window.startTime },
      'endTime',
      /later than startTime/,
    ],
    [
      'start equal to end',
      'author',
      { startTime: window.startTime, endTime: window.startTime },
      'endTime',
      /later/,
    ],
    [
      'a range over 3 months',
      'author',
      { startTime: '2026-01-01', endTime: '2026-04-02' },
      'endTime',
      /split it into consecutive exports of at most 3 months \(the first ending at 2026-04-01T00:00:00.000Z\)/,
    ],
    ['a priority of 6', 'conversation', { ...window, priorities: [0, 6] }, 'priorities', /from 0 to 5/],
    ['a negative priority', 'conversation', { ...window, priorities: [-1] }, 'priorities', /from 0 to 5/],
    ['an empty list', 'conversation', { ...window, priorities: [] }, 'priorities', /leave the parameter out/],
    ['a missing timeInterval', 'team_performance_interval', window, 'timeInterval', /it is required/],
    [
      'two smart views',
      'conversation',
      { ...window, smartViewId: [1, 2] },
      'smartViewId',
      /one export per smart view/,
    ],
    [
      'businessHourType alone',
      'conversation',
      { ...window, businessHourType: true },
      'businessHourType',
      /enableBusinessHour: true/,
    ],
    [
      'businessHourType with enableBusinessHour false',
      'conversation',
      { ...window, enableBusinessHour: false, businessHourType: false },
      'businessHourType',
      /enableBusinessHour: true/,
    ],
    ['a bad reportFormat', 'author', { ...window, reportFormat: 'xml' }, 'reportFormat', /one of json, csv/],
    [
      'a string where a boolean goes',
      'response_approval',
      { ...window, includeDisabled: 'yes' },
      'includeDisabled',
      /true or false/,
    ],
    [
      'a bad conversationReportType',
      'conversation',
      { ...window, conversationReportType: 'OPEN' },
      'conversationReportType',
      /OPEN_AT_END, CLOSED, CREATED/,
    ],
    [
      'epoch seconds',
      'author',
      { startTime: 1_780_000_000, endTime: 1_780_086_400 },
      'startTime',
      /milliseconds/,
    ],
  ])('rejects %s', async (_label, type, params, parameter, fix) => {
    const error = await rejectionOf(type, params);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(fix);
    expect(error.fix.length).toBeGreaterThan(5);
  });

  it('accepts exactly three calendar months and a null businessHourType', async () => {
    const { ca, requests } = observedClient(() => started());
    await ca.reports.start('author', { startTime: '2026-01-31', endTime: '2026-04-30' });
    const start = ca.reports.start as (t: string, p: unknown) => Promise<unknown>;
    await start('conversation', { ...window, businessHourType: null });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.url.searchParams.has('businessHourType')).toBe(false);
  });
});

describe('monthly timeInterval', () => {
  it.each([120_000, 300_001, 604_799_999, -2_592_000_000, 2_592_000_000.5, '2592000000'])(
    'rejects %j, listing the fixed widths and the monthly rule',
    async (timeInterval) => {
      const error = await rejectionOf('team_performance_interval', { ...window, timeInterval });
      expect(error.parameter).toBe('timeInterval');
      expect(error.fix).toBe(
        'use one of 300000, 600000, 900000, 1800000, 3600000, 7200000, 14400000, 28800000, 43200000, ' +
          '86400000, 604800000, or an integer above 604800000 for monthly buckets, e.g. 2592000000',
      );
    },
  );

  it.each([604_800_001, 2_592_000_000, 2_678_400_000])(
    'sends %i as it is (above a week = monthly)',
    async (ms) => {
      const { ca, requests } = observedClient(() => started());
      const start = ca.reports.start as (t: string, p: unknown) => Promise<unknown>;
      await start('team_performance_interval', { ...window, timeInterval: ms });
      expect(requests).toHaveLength(1);
      expect(requests[0]?.url.searchParams.getAll('timeInterval')).toEqual([String(ms)]);
    },
  );

  it('counts calendar months, not timeInterval-sized slices, toward the bucket cap', () => {
    const start = Date.UTC(2020, 0, 15);
    // Beyond the 3-month limit on purpose: only here can monthly buckets pass 31.
    const warnings = (endTime: number, timeInterval: number) =>
      collectWarnings({ startTime: start, endTime, timeInterval }, start);
    // Jan 2020 … Apr 2023 is 40 months; 604800001 ms slices would be 168.
    const forty = warnings(Date.UTC(2023, 3, 2), 604_800_001);
    expect(forty).toEqual([expect.objectContaining({ code: 'bucket-count', parameter: 'timeInterval' })]);
    expect(forty[0]?.message).toContain('40 buckets');
    // Jan 2020 … Jul 2022 is 31 months (the safe count), however small the number above a week.
    expect(warnings(Date.UTC(2022, 6, 31), 604_800_001)).toEqual([]);
    expect(warnings(Date.UTC(2022, 7, 1, 0, 0, 0, 1), 2_592_000_000)[0]?.message).toContain('32 buckets');
    // A week exactly is a fixed width: 1263 days in weeks is 181 buckets.
    expect(warnings(Date.UTC(2023, 6, 1), 604_800_000)[0]?.message).toMatch(/^181 buckets/);
  });
});

describe('warnings through onWarning', () => {
  async function warningsFor(type: string, params: Record<string, unknown>) {
    const warnings: ValidationWarning[] = [];
    const { ca, requests } = observedClient(() => started(), { onWarning: (w) => warnings.push(w) });
    const start = ca.reports.start as (t: string, p: unknown) => Promise<unknown>;
    await start(type, params);
    expect(requests).toHaveLength(1);
    return warnings;
  }

  it('warns when the start is older than the 18 months of retention', async () => {
    const now = Date.now();
    const warnings = await warningsFor('author', { startTime: now - 600 * DAY, endTime: now - 590 * DAY });
    expect(warnings).toEqual([expect.objectContaining({ code: 'data-retention', parameter: 'startTime' })]);
  });

  it('without onWarning, emits a Node process warning with a code of its own', async () => {
    const emitted: Error[] = [];
    const listen = (warning: Error) => emitted.push(warning);
    process.on('warning', listen);
    try {
      const { ca } = observedClient(() => started(), { onWarning: undefined });
      const now = Date.now();
      await ca.reports.start('author', { startTime: now - 600 * DAY, endTime: now - 590 * DAY });
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listen);
    }
    expect(emitted).toEqual([
      expect.objectContaining({
        code: 'CARE_ANALYTICS_DATA_RETENTION',
        message: expect.stringMatching(/18 months/),
      }),
    ]);
  });

  it('warns above 31 buckets and stays silent at 31', async () => {
    const start = window.startTime - 60 * DAY;
    const many = await warningsFor('team_performance_interval', {
      startTime: start,
      endTime: start + 7 * DAY,
      timeInterval: 3_600_000,
    });
    expect(many).toEqual([expect.objectContaining({ code: 'bucket-count', parameter: 'timeInterval' })]);
    expect(many[0]?.message).toContain('168 buckets');
    const ok = await warningsFor('team_performance_interval', {
      startTime: start,
      endTime: start + 31 * DAY,
      timeInterval: 86_400_000,
    });
    expect(ok).toEqual([]);
  });

  it('counts monthly buckets for intervals above a week', async () => {
    const warnings = await warningsFor('team_performance_interval', {
      startTime: window.startTime - 90 * DAY,
      endTime: window.startTime,
      timeInterval: 604_800_000,
    });
    expect(warnings).toEqual([]);
  });
});
