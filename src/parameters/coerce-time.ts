import { ValidationError } from '../errors/validation-error.js';

// A bare date or a date-time without a zone would be read in the machine's local zone by
// Date.parse; the API's times are absolute, so we insist on an explicit offset.
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Latest instant accepted: the end of year 9999 (beyond it dates cannot be written in ISO 8601). */
export const MAX_TIME_MS = 253_402_300_799_999;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Epoch ms of an ISO date-time with a zone, or a reason it is not one. Every field must exist on
 * the calendar: Date.parse would read 2026-02-30 as 2 March, and we never send a date the caller
 * did not write.
 */
function parseIso(text: string): number | string {
  const match = ISO_WITH_ZONE.exec(text);
  if (!match) return 'is not an ISO 8601 time with a zone';
  const [, y, mo, d, h, mi, s = '0', , zone, sign, oh = '0', om = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return `has no month ${month}`;
  if (day < 1 || day > daysIn(year, month))
    return `is not a calendar date (${y}-${mo} has ${daysIn(year, month)} days)`;
  if (hour > 23 || minute > 59 || second > 59) return 'has a time of day that does not exist';
  if (zone?.toUpperCase() !== 'Z' && (Number(oh) > 23 || Number(om) > 59))
    return `has an impossible offset ${sign}${oh}:${om}`;
  return Date.parse(text);
}

/** Epoch milliseconds from a Date, an epoch-ms number or an ISO 8601 string. */
export function coerceTime(name: string, value: unknown): number {
  const ms = toEpoch(name, value);
  if (ms > MAX_TIME_MS) {
    throw new ValidationError(
      name,
      `${ms} is after the year 9999`,
      'pass a time of this era, in epoch milliseconds',
    );
  }
  return ms;
}

function toEpoch(name: string, value: unknown): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(name, 'the Date is invalid', 'pass a valid Date');
    if (ms < 0) throw new ValidationError(name, 'the Date is before 1970', 'pass a Date from 1970 on');
    return ms;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(
        name,
        `${value} is not epoch milliseconds`,
        'pass a non-negative integer (ms)',
      );
    }
    if (value < 1e11) {
      throw new ValidationError(
        name,
        `${value} looks like epoch seconds`,
        `the API wants milliseconds: pass ${value * 1000}`,
      );
    }
    return value;
  }
  if (typeof value === 'string') {
    // Midnight UTC is the only unambiguous reading of a bare date.
    const text = ISO_DATE.test(value) ? `${value}T00:00:00Z` : value;
    const parsed = parseIso(text);
    if (typeof parsed === 'string' || Number.isNaN(parsed) || parsed < 0) {
      throw new ValidationError(
        name,
        `${JSON.stringify(value.slice(0, 64))} ${typeof parsed === 'string' ? parsed : 'is not a time from 1970 on'}`,
        'pass e.g. "2024-03-01T00:00:00Z", a Date or epoch milliseconds',
      );
    }
    return parsed;
  }
  throw new ValidationError(
    name,
    `expected a time, got ${typeof value}`,
    'pass a Date, epoch ms or ISO string',
  );
}
