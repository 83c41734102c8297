// formatCount groups digits as `toLocaleString('en-US')` does, without Intl for whole numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/cli/progress/format.js';

describe('formatCount', () => {
  it('groups digits in threes', () => {
    expect([0, 7, 999, 1000, 12_345, 1_234_567, -1_234].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '12,345',
      '1,234,567',
      '-1,234',
    ]);
    expect(formatCount(-0)).toBe('0'); // toLocaleString writes '-0'; a count is never negative
  });

  it("writes every safe integer as toLocaleString('en-US') does", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves other numbers to toLocaleString', () => {
    for (const n of [1234.5, 2 ** 60, Number.NaN]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
});
