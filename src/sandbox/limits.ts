// The vendor's own limits on a run request, beyond what the spec can express.
import type { ReportType } from '../parameters/index.js';
import { intervalBuckets } from './data/buckets.js';
import type { ReportParams } from './data/params.js';

/**
 * The vendor caps team_performance_interval somewhere between 31 and 41 buckets
 * (docs/vendor-notes.md §3).
 */
export const MAX_BUCKETS = 40;

export type LimitError =
  | { readonly kind: 'parameter'; readonly parameter: string; readonly message: string }
  | { readonly kind: 'hydration'; readonly result: string };

/** The latest allowed end: three calendar months after the start. */
export function maxEndTime(startTime: number): number {
  const start = new Date(startTime);
  return Date.UTC(
    start.getUTCFullYear(),
    start.getUTCMonth() + 3,
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
    start.getUTCMilliseconds(),
  );
}

export function checkLimits(type: ReportType, params: ReportParams): LimitError | undefined {
  if (params.endTime <= params.startTime) {
    return {
      kind: 'parameter',
      parameter: 'endTime',
      message: "Invalid parameter 'endTime': must be later than startTime",
    };
  }
  if (params.endTime > maxEndTime(params.startTime)) {
    return {
      kind: 'parameter',
      parameter: 'endTime',
      message: "Invalid parameter 'endTime': one export covers at most 3 months; split the range",
    };
  }
  if (params.timezone !== undefined && !isTimeZone(params.timezone)) {
    return {
      kind: 'parameter',
      parameter: 'timezone',
      message: `Invalid parameter 'timezone': unknown time zone; see GET /config/timezones`,
    };
  }
  const business = params as { enableBusinessHour?: boolean; businessHourType?: boolean };
  if (business.businessHourType !== undefined && business.enableBusinessHour !== true) {
    return {
      kind: 'parameter',
      parameter: 'businessHourType',
      message: "Invalid parameter 'businessHourType': requires enableBusinessHour=true",
    };
  }
  if (type === 'team_performance_interval') {
    const buckets = intervalBuckets(params).length - 1;
    if (buckets > MAX_BUCKETS) {
      return {
        kind: 'hydration',
        result: `Unable to hydrate filter for export info: com.lithium.socialweb.analytics.webapp.models.filter.HydrationException: Too many buckets (${buckets}) requested. Select a larger interval?`,
      };
    }
  }
  return undefined;
}

function isTimeZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}
