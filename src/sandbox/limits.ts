// The vendor's own limits on a run request, beyond what the spec can express.
import type { ReportType } from '../parameters/index.js';
import { exceedsMaxRange, isTimeZone } from '../time/index.js';
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

export function checkLimits(type: ReportType, params: ReportParams): LimitError | undefined {
  if (params.endTime <= params.startTime) {
    return {
      kind: 'parameter',
      parameter: 'endTime',
      message: "Invalid parameter 'endTime': must be later than startTime",
    };
  }
  if (exceedsMaxRange(params.startTime, params.endTime)) {
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
