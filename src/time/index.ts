// `khoros-care-analytics/time`: time-zone offsets and the timeInterval conventions of the API
// (docs/vendor-notes.md §3), shared by the client, the CLI and the sandbox.

export { exceedsMaxRange, latestEndTime, MAX_RANGE_MONTHS } from './three-month-rule.js';
export { isMonthlyInterval, MONTHLY_TIME_INTERVAL, type TimeInterval, WEEK_MS } from './time-interval.js';
export { isTimeZone } from './time-zone.js';
export { offsetString, zoneOffsetAt } from './zone-offset.js';
