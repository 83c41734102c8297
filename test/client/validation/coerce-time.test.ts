import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/index.js';
import { coerceTime } from '../../../src/parameters/coerce-time.js';

describe('coerceTime', () => {
  const ms = Date.UTC(2026, 2, 1, 12, 30);
  it.each([
    ['a Date', new Date(ms), ms],
    ['epoch ms', ms, ms],
    ['ISO with Z', '2026-03-01T12:30:00Z', ms],
    ['ISO with offset', '2026-03-01T13:30:00+01:00', ms],
    ['ISO with fraction', '2026-03-01T12:30:00.000Z', ms],
    ['a bare date (midnight UTC)', '2026-03-01', Date.UTC(2026, 2, 1)],
  ])('accepts %s', (_label, input, expected) => {
    expect(coerceTime('startTime', input)).toBe(expected);
  });

  it.each([
    ['epoch seconds', 1_772_368_200, /looks like epoch seconds/],
    ['a zoneless local time', '2026-03-01T12:30:00', /ISO 8601 time with a zone/],
    ['garbage', 'yesterday', /ISO 8601/],
    ['an invalid Date', new Date(Number.NaN), /invalid/],
    ['a fraction', 1.5e12 + 0.5, /not epoch milliseconds/],
    ['a boolean', true, /expected a time/],
  ])('rejects %s naming the parameter', (_label, input, message) => {
    const error = (() => {
      try {
        coerceTime('endTime', input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ parameter: 'endTime' });
    expect((error as Error).message).toMatch(message);
  });
});
