import { UsageError } from '../errors/usage-error.js';
import { type WallTime, wallTimeToEpoch, type Zone } from './zone.js';

const FORMS =
  'an ISO date (2026-11-21, midnight in --tz or UTC), an ISO date-time with an offset (2026-11-21T08:00:00+01:00) or epoch milliseconds (1795219200000)';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A point in time typed by a human: an ISO date (midnight in `zone`), an ISO date-time with an
 * offset, an ISO date-time without one (wall-clock time in `zone`) or epoch milliseconds.
 */
export function parseInstant(text: string, flag: string, zone: Zone): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    // Ten digits is today's epoch in seconds: an easy mistake that would silently mean 1970.
    if (trimmed.length <= 10) {
      throw new UsageError(
        `${flag}: '${text}' looks like epoch seconds; the API counts milliseconds (append 000), or use ${FORMS}`,
        flag,
      );
    }
    return Number(trimmed);
  }
  const match = ISO.exec(trimmed);
  if (!match) throw new UsageError(`${flag}: '${text}' is not a time; use ${FORMS}`, flag);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction ? Number(fraction.padEnd(3, '0')) : 0,
  };
  if (!isRealWallTime(wall))
    throw new UsageError(`${flag}: '${text}' is not a real calendar date or time`, flag);
  if (offset === undefined) return wallTimeToEpoch(wall, zone);
  return wallTimeToEpoch(wall, { kind: 'fixed', offsetMs: parseOffset(offset) });
}

function isRealWallTime(wall: WallTime): boolean {
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  return (
    check.getUTCFullYear() === wall.year &&
    check.getUTCMonth() === wall.month - 1 &&
    check.getUTCDate() === wall.day &&
    (wall.hour ?? 0) <= 23 &&
    (wall.minute ?? 0) <= 59 &&
    (wall.second ?? 0) <= 59
  );
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return sign * (hours * 3_600_000 + minutes * 60_000);
}
