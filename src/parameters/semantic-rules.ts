import { ValidationError } from '../errors/validation-error.js';
import { latestEndTime, MAX_RANGE_MONTHS } from '../time/three-month-rule.js';
import { isTimeZone } from '../time/time-zone.js';
import { iso } from './time-window.js';

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
  const limit = latestEndTime(start);
  if (end > limit) {
    throw new ValidationError(
      'endTime',
      `the range ${iso(start)} → ${iso(end)} is longer than the API's ${MAX_RANGE_MONTHS}-month maximum per export`,
      `split it into consecutive exports of at most ${MAX_RANGE_MONTHS} months (the first ending at ${iso(limit)}) and run one per range`,
    );
  }
  if (typeof values.timezone === 'string' && !isTimeZone(values.timezone)) {
    throw new ValidationError(
      'timezone',
      `${JSON.stringify(values.timezone)} is not a known IANA time zone`,
      'use an id such as America/Chicago or Europe/Berlin (GET /config/timezones lists them)',
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
