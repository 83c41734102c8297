import { ValidationError } from '../../errors/validation-error.js';
import { addUtcMonths, iso } from './time-window.js';

/** Longest window one export may cover (docs/vendor-notes.md §3). */
export const MAX_RANGE_MONTHS = 3;

/** Rules spanning several parameters, which the spec table cannot express. */
export function checkSemantics(values: Readonly<Record<string, unknown>>): void {
  const start = values.startTime as number;
  const end = values.endTime as number;
  if (start >= end) {
    throw new ValidationError(
      'endTime',
      `endTime (${iso(end)}) is not after startTime (${iso(start)})`,
      'pass an endTime later than startTime',
    );
  }
  const limit = addUtcMonths(start, MAX_RANGE_MONTHS);
  if (end > limit) {
    throw new ValidationError(
      'endTime',
      `the range ${iso(start)} → ${iso(end)} is longer than the API's ${MAX_RANGE_MONTHS}-month maximum per export`,
      `split it into consecutive exports of at most ${MAX_RANGE_MONTHS} months (the first ending at ${iso(limit)}) and run one per range`,
    );
  }
  if (values.businessHourType !== undefined && values.enableBusinessHour !== true) {
    throw new ValidationError(
      'businessHourType',
      'it only applies when business hours are enabled',
      'also pass enableBusinessHour: true, or leave businessHourType out to export around the clock',
    );
  }
}
