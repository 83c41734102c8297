import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetString, zoneOffsetAt } from '../../src/time/zone-offset.js';

const HOUR = 3_600_000;
const zones = Intl.supportedValuesOf('timeZone');

/** Intl's own rendering of the offset (`GMT-06:00`, `GMT` for zero), an independent oracle. */
function intlOffset(timeZone: string, epochMs: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === 'GMT' ? '+00:00' : (name ?? '').replace('GMT', '');
}

describe('zoneOffsetAt', () => {
  it('finds the offset of a zone at an instant, DST included', () => {
    expect(zoneOffsetAt('America/Chicago', Date.UTC(2026, 0, 15))).toBe(-6 * HOUR);
    expect(zoneOffsetAt('America/Chicago', Date.UTC(2026, 6, 15))).toBe(-5 * HOUR);
    expect(zoneOffsetAt('Asia/Kolkata', Date.UTC(2026, 6, 15))).toBe(5.5 * HOUR);
    expect(zoneOffsetAt('Asia/Kathmandu', Date.UTC(2026, 6, 15))).toBe(5.75 * HOUR);
    expect(zoneOffsetAt('UTC', Date.UTC(2026, 6, 15))).toBe(0);
  });

  it('changes exactly at a DST transition', () => {
    // US spring forward 2026-03-08 at 02:00 CST = 08:00 UTC.
    const transition = Date.parse('2026-03-08T08:00:00Z');
    expect(zoneOffsetAt('America/Chicago', transition - 1)).toBe(-6 * HOUR);
    expect(zoneOffsetAt('America/Chicago', transition)).toBe(-5 * HOUR);
  });

  it('ignores the milliseconds of the instant, before 1970 too', () => {
    expect(zoneOffsetAt('UTC', 1_500)).toBe(0);
    expect(zoneOffsetAt('UTC', -500)).toBe(0);
    expect(zoneOffsetAt('America/Chicago', Date.UTC(1960, 0, 15, 12, 0, 0, 750))).toBe(-6 * HOUR);
  });

  it('keeps the seconds of an offset that has them', () => {
    // Liberia kept Monrovia mean time, 44 min 30 s behind UTC, until 1972.
    expect(zoneOffsetAt('Africa/Monrovia', Date.UTC(1971, 0, 1))).toBe(-(44 * 60 + 30) * 1000);
    expect(zoneOffsetAt('Africa/Monrovia', Date.UTC(1973, 0, 1))).toBe(0);
  });

  it('agrees with Intl’s own offset names for any zone at any instant, local mean times included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2099, 11, 31) }),
        (zone, instant) => {
          expect(offsetString(zoneOffsetAt(zone, instant))).toBe(intlOffset(zone, instant));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('offsetString', () => {
  it.each([
    [0, '+00:00'],
    [-0, '+00:00'],
    [5.5 * HOUR, '+05:30'],
    [5.75 * HOUR, '+05:45'],
    [-6 * HOUR, '-06:00'],
    [-9.5 * HOUR, '-09:30'],
    [14 * HOUR, '+14:00'],
    [-12 * HOUR, '-12:00'],
    [-(44 * 60 + 30) * 1000, '-00:44:30'],
    [(5 * 3600 + 53 * 60 + 28) * 1000, '+05:53:28'],
    [30_000, '+00:00:30'],
  ])('%i ms → %s', (offset, text) => {
    expect(offsetString(offset)).toBe(text);
  });
});
