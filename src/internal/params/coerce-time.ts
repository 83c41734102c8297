import { ValidationError } from '../../errors/validation-error.js';

// A bare date or a date-time without a zone would be read in the machine's local zone by
// Date.parse; the API's times are absolute, so we insist on an explicit offset.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch milliseconds from a Date, an epoch-ms number or an ISO 8601 string. */
export function coerceTime(name: string, value: unknown): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(name, 'the Date is invalid', 'pass a valid Date');
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
    const ms = ISO_WITH_ZONE.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms)) {
      throw new ValidationError(
        name,
        `"${value}" is not an ISO 8601 time with a zone`,
        'pass e.g. "2024-03-01T00:00:00Z", a Date or epoch milliseconds',
      );
    }
    return ms;
  }
  throw new ValidationError(
    name,
    `expected a time, got ${typeof value}`,
    'pass a Date, epoch ms or ISO string',
  );
}
