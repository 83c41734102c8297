import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import { parseInstant } from '../../../src/cli/input/instant.js';
import { parseLast, resolveTimeRange } from '../../../src/cli/input/time-range.js';
import { utc, type Zone } from '../../../src/cli/input/zone.js';
import { catchError } from '../support/catch-error.js';

const chicago: Zone = { kind: 'iana', id: 'America/Chicago' };
const now = Date.parse('2026-11-28T20:54:13.250Z');

describe('parseInstant', () => {
  it('reads an ISO date as midnight in the zone', () => {
    expect(parseInstant('2026-11-21', '--from', utc)).toBe(Date.parse('2026-11-21T00:00:00Z'));
    expect(parseInstant('2026-11-21', '--from', chicago)).toBe(Date.parse('2026-11-21T06:00:00Z'));
    expect(parseInstant('2026-11-21', '--from', { kind: 'fixed', offsetMs: 19_800_000 })).toBe(
      Date.parse('2026-11-20T18:30:00Z'),
    );
  });

  it('reads ISO date-times with an offset exactly, whatever the zone', () => {
    expect(parseInstant('2026-11-21T08:00:00+01:00', '--from', chicago)).toBe(
      Date.parse('2026-11-21T07:00:00Z'),
    );
    expect(parseInstant('2026-11-21T08:00Z', '--from', chicago)).toBe(Date.parse('2026-11-21T08:00:00Z'));
    expect(parseInstant('2026-11-21T08:00:00.5-0530', '--from', utc)).toBe(
      Date.parse('2026-11-21T13:30:00.500Z'),
    );
    expect(parseInstant('2026-11-21 08:00:00z', '--from', utc)).toBe(Date.parse('2026-11-21T08:00:00Z'));
  });

  it('reads ISO date-times without an offset as wall time in the zone', () => {
    expect(parseInstant('2026-07-01T09:30', '--to', chicago)).toBe(Date.parse('2026-07-01T14:30:00Z'));
  });

  it('reads epoch milliseconds', () => {
    expect(parseInstant('1795219200000', '--from', chicago)).toBe(1_795_219_200_000);
  });

  it('refuses epoch seconds, which would silently mean 1970', () => {
    const error = catchError(() => parseInstant('1795219200', '--from', utc));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('epoch seconds');
    expect(error.message).toContain('append 000');
  });

  it.each(['yesterday', '2026-13-01', '2026-02-30', '2026-11-21T25:00Z', '21/11/2026', '2026-11-21T08:00+1'])(
    'rejects %j naming the flag and the accepted forms',
    (text) => {
      const error = catchError(() => parseInstant(text, '--to', utc));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message.startsWith('--to: ')).toBe(true);
      expect((error as UsageError).flag).toBe('--to');
    },
  );
});

describe('parseLast', () => {
  it.each([
    ['7d', 7, 'd'],
    ['24h', 24, 'h'],
    ['2w', 2, 'w'],
    ['90m', 90, 'm'],
    [' 3D ', 3, 'd'],
  ])('%j', (text, amount, unit) => {
    expect(parseLast(text)).toEqual({ amount, unit });
  });

  it.each(['0d', '-1d', '7', 'd', '1y', '1.5d', 'week'])('rejects %j', (text) => {
    expect(catchError(() => parseLast(text)).message).toContain('--last');
  });
});

describe('resolveTimeRange', () => {
  it('--last Nd is the N whole days before today in the zone', () => {
    const range = resolveTimeRange({ last: '7d' }, utc, now);
    expect(range).toEqual({
      startTime: Date.parse('2026-11-21T00:00:00Z'),
      endTime: Date.parse('2026-11-28T00:00:00Z'),
      wholeDays: true,
    });
  });

  it('--last days are calendar days in the zone, across a DST change', () => {
    const range = resolveTimeRange({ last: '2w' }, chicago, Date.parse('2026-11-10T12:00:00Z'));
    // Chicago left DST on 2026-11-01: the start is midnight CDT, the end midnight CST.
    expect(range.startTime).toBe(Date.parse('2026-10-27T05:00:00Z'));
    expect(range.endTime).toBe(Date.parse('2026-11-10T06:00:00Z'));
    expect(range.wholeDays).toBe(true);
  });

  it('--last Nh ends now, to the minute', () => {
    const range = resolveTimeRange({ last: '24h' }, utc, now);
    expect(range.endTime).toBe(Date.parse('2026-11-28T20:54:00Z'));
    expect(range.startTime).toBe(Date.parse('2026-11-27T20:54:00Z'));
    expect(range.wholeDays).toBe(false);
  });

  it('--to moves the end of --last', () => {
    const range = resolveTimeRange({ last: '1d', to: '2026-11-02' }, utc, now);
    expect(range.startTime).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(range.endTime).toBe(Date.parse('2026-11-02T00:00:00Z'));
  });

  it('takes --from and --to', () => {
    const range = resolveTimeRange({ from: '2026-11-01', to: '2026-11-08' }, chicago, now);
    expect(range.startTime).toBe(Date.parse('2026-11-01T05:00:00Z'));
    expect(range.endTime).toBe(Date.parse('2026-11-08T06:00:00Z'));
    expect(range.wholeDays).toBe(true);
  });

  it('refuses --from after --to, showing both instants', () => {
    const error = catchError(() => resolveTimeRange({ from: '2026-11-08', to: '2026-11-01' }, utc, now));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      '--from (2026-11-08T00:00:00.000Z) must be before --to (2026-11-01T00:00:00.000Z)',
    );
  });

  it('refuses an empty range', () => {
    expect(() => resolveTimeRange({ from: '2026-11-08', to: '2026-11-08' }, utc, now)).toThrow(
      'must be before',
    );
  });

  it('asks for a range when none is given, and for the missing end', () => {
    expect(catchError(() => resolveTimeRange({}, utc, now)).message).toMatch(/^--from is missing.*--last/);
    expect(catchError(() => resolveTimeRange({ from: '2026-11-01' }, utc, now)).message).toMatch(
      /^--to is missing/,
    );
  });

  it('refuses --last with --from', () => {
    expect(
      catchError(() => resolveTimeRange({ last: '7d', from: '2026-11-01' }, utc, now)).message,
    ).toContain('cannot be combined');
  });
});
