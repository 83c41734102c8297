import { isMonthlyInterval } from '../time/time-interval.js';
import type { ValidationWarning } from '../types/validation-warning.js';
import { iso, monthsTouched } from './time-window.js';

const RETENTION_MONTHS = 18;
/** The vendor's examples place the bucket cap between 31 and 41; above 31 may be rejected. */
export const SAFE_BUCKETS = 31;

/** Requests the API accepts but that likely return less than the caller expects. */
export function collectWarnings(
  values: Readonly<Record<string, unknown>>,
  now: number = Date.now(),
): ValidationWarning[] {
  const warnings: ValidationWarning[] = [];
  const start = values.startTime as number;
  const end = values.endTime as number;
  const retained = new Date(now);
  retained.setUTCMonth(retained.getUTCMonth() - RETENTION_MONTHS);
  if (start < retained.getTime()) {
    warnings.push({
      code: 'data-retention',
      parameter: 'startTime',
      message: `startTime ${iso(start)} is older than the ${RETENTION_MONTHS} months of data the API keeps; rows before ${iso(retained.getTime())} will be missing`,
    });
  }
  const interval = values.timeInterval;
  if (typeof interval === 'number') {
    // Above a week the API buckets by calendar month, whatever the number says.
    const buckets = isMonthlyInterval(interval)
      ? monthsTouched(start, end)
      : Math.ceil((end - start) / interval);
    if (buckets > SAFE_BUCKETS) {
      warnings.push({
        code: 'bucket-count',
        parameter: 'timeInterval',
        message: `${buckets} buckets requested; the API rejects too many (its cap lies between ${SAFE_BUCKETS} and 41): use a larger timeInterval or a shorter range`,
      });
    }
  }
  return warnings;
}
