import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import {
  epochToWallTime,
  offsetAt,
  parseTimeZone,
  parseTimeZoneOffset,
  wallTimeToEpoch,
} from '../../../src/cli/input/zone.js';
import { catchError } from '../support/catch-error.js';

describe('parseTimeZone', () => {
  it('accepts IANA ids and returns the database spelling', () => {
    expect(parseTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(parseTimeZone('america/chicago')).toBe('America/Chicago');
    expect(parseTimeZone(' Europe/Berlin ')).toBe('Europe/Berlin');
  });

  it('keeps aliases Intl accepts but does not list', () => {
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('rejects unknown zones with a usage error naming the flag and suggesting close ids', () => {
    const error = catchError(() => parseTimeZone('America/Chicagoo'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('--tz');
    expect(error.message).toContain("'America/Chicagoo'");
    expect(error.message).toContain('did you mean America/Chicago');
    expect(catchError(() => parseTimeZone('Mars/Base')).message).toContain('care-analytics timezones');
  });

  it('rejects offsets given to --tz', () => {
    expect(() => parseTimeZone('+05:30')).toThrow(UsageError);
  });
});

describe('parseTimeZoneOffset', () => {
  it.each([
    ['+05:30', 19_800_000],
    ['-08:00', -28_800_000],
    ['+0100', 3_600_000],
    ['-0330', -12_600_000],
    ['+01', 3_600_000],
    ['+14:00', 50_400_000],
    ['-12:00', -43_200_000],
    ['Z', 0],
    ['utc', 0],
    ['-00:00', 0],
  ])('%s → %i ms', (text, ms) => {
    expect(parseTimeZoneOffset(text)).toBe(ms);
    expect(Object.is(parseTimeZoneOffset(text), -0)).toBe(false);
  });

  it.each(['05:30', '+5:3', '+15:00', '+14:30', '+01:60', 'America/Chicago', '', '+1.5'])(
    'rejects %j',
    (text) => {
      const error = catchError(() => parseTimeZoneOffset(text));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toMatch(/^--tz-offset: .*e\.g\. \+05:30/);
    },
  );
});

describe('wall time and offsets', () => {
  const chicago = { kind: 'iana', id: 'America/Chicago' } as const;

  it('finds the offset of a zone at an instant, DST included', () => {
    expect(offsetAt(chicago, Date.UTC(2026, 0, 15))).toBe(-6 * 3_600_000);
    expect(offsetAt(chicago, Date.UTC(2026, 6, 15))).toBe(-5 * 3_600_000);
    expect(offsetAt({ kind: 'fixed', offsetMs: 19_800_000 }, 0)).toBe(19_800_000);
  });

  it('maps midnight in a zone to the right instant on both sides of DST', () => {
    expect(wallTimeToEpoch({ year: 2026, month: 1, day: 15 }, chicago)).toBe(
      Date.parse('2026-01-15T06:00:00Z'),
    );
    expect(wallTimeToEpoch({ year: 2026, month: 7, day: 15 }, chicago)).toBe(
      Date.parse('2026-07-15T05:00:00Z'),
    );
    // 2026-03-08 is the spring-forward day in the US: midnight is still CST.
    expect(wallTimeToEpoch({ year: 2026, month: 3, day: 8 }, chicago)).toBe(
      Date.parse('2026-03-08T06:00:00Z'),
    );
    expect(wallTimeToEpoch({ year: 2026, month: 3, day: 9 }, chicago)).toBe(
      Date.parse('2026-03-09T05:00:00Z'),
    );
  });

  it('round-trips wall times', () => {
    const instant = Date.parse('2026-11-28T20:54:13.250Z');
    const wall = epochToWallTime(instant, chicago);
    expect(wall).toEqual({
      year: 2026,
      month: 11,
      day: 28,
      hour: 14,
      minute: 54,
      second: 13,
      millisecond: 250,
    });
    expect(wallTimeToEpoch(wall, chicago)).toBe(instant);
  });

  it('normalizes day overflow (used for "N days before")', () => {
    expect(wallTimeToEpoch({ year: 2026, month: 3, day: 0 }, { kind: 'fixed', offsetMs: 0 })).toBe(
      Date.parse('2026-02-28T00:00:00Z'),
    );
  });
});
