import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/cli/errors/describe-error.js';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import { parseDuration } from '../../../src/cli/input/duration.js';
import { intervals, parseInterval } from '../../../src/cli/input/interval.js';
import { parseChoice, parseIntegerList, splitList } from '../../../src/cli/input/lists.js';
import { resolveReportInput } from '../../../src/cli/input/report-input.js';
import { ValidationError } from '../../../src/index.js';
import { catchError } from '../support/catch-error.js';

describe('parseInterval', () => {
  it.each([
    ['5m', 300_000],
    ['10m', 600_000],
    ['15m', 900_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['2h', 7_200_000],
    ['4h', 14_400_000],
    ['8h', 28_800_000],
    ['12h', 43_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1H', 3_600_000],
    ['3600000', 3_600_000],
  ])('%s → %i ms (the vendor list)', (text, ms) => {
    expect(parseInterval(text)).toBe(ms);
  });

  it('maps month to 30 days, a value above one week (the API reads that as monthly buckets)', () => {
    expect(parseInterval('month')).toBe(2_592_000_000);
    expect(parseInterval('monthly')).toBe(intervals.month);
    expect(parseInterval('604800001')).toBe(604_800_001);
  });

  it.each(['7m', '3h', '2d', 'hourly', ''])('rejects %j listing the choices', (text) => {
    const error = catchError(() => parseInterval(text));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('--interval');
    expect(error.message).toContain('5m, 10m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d, 1w, month');
  });
});

describe('--interval numbers the API does not allow', () => {
  // A number is parsed as given; the client's rule refuses it, naming timeInterval (→ --interval).
  it.each(['0', '1000', '120000', '604799999'])('%j is refused by the client before any request', (text) => {
    expect(parseInterval(text)).toBe(Number(text));
    const error = catchError(() =>
      resolveReportInput('team_performance_interval', { last: '1d', interval: text }, Date.now()),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('timeInterval');
    expect(describeError(error, [])).toMatch(
      new RegExp(`Invalid timeInterval: ${text} is not allowed.*\\(--interval\\)$`),
    );
  });
});

describe('lists', () => {
  it('splits repeated and comma-separated values', () => {
    expect(splitList(['1,2', ' 3 ', '4,,'])).toEqual(['1', '2', '3', '4']);
    expect(splitList('a')).toEqual(['a']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('parses bounded integer lists (--priority 0,1)', () => {
    expect(parseIntegerList(['0,1', '5'], '--priority', { minimum: 0, maximum: 5 })).toEqual([0, 1, 5]);
    const error = catchError(() => parseIntegerList(['0,6'], '--priority', { minimum: 0, maximum: 5 }));
    expect(error.message).toBe(
      "--priority: '6' is not a whole number from 0 to 5; give numbers separated by commas, e.g. --priority 0,1",
    );
    expect(() => parseIntegerList(['x'], '--team')).toThrow(UsageError);
    expect(() => parseIntegerList(['1.5'], '--team')).toThrow(UsageError);
  });

  it('picks choices case- and separator-insensitively', () => {
    expect(parseChoice('open-at-end', '--conversation-type', ['OPEN_AT_END', 'CLOSED'])).toBe('OPEN_AT_END');
    expect(parseChoice('Within', '--business-hours', ['within', 'outside'])).toBe('within');
    expect(catchError(() => parseChoice('both', '--business-hours', ['within', 'outside'])).message).toBe(
      "--business-hours: 'both' is not one of within, outside",
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1500', 1500],
    ['0.5s', 500],
  ])('%s → %i', (text, ms) => {
    expect(parseDuration(text, '--timeout')).toBe(ms);
  });

  it.each(['0', '-1m', 'soon', '1y'])('rejects %j', (text) => {
    expect(catchError(() => parseDuration(text, '--timeout')).message).toMatch(/^--timeout: /);
  });
});
