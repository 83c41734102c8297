/** Longest window one export may cover (docs/vendor-notes.md §3). */
export const MAX_RANGE_MONTHS = 3;

/**
 * `ms` moved by whole calendar months in UTC, keeping the time of day, on the last day of the
 * target month when it is shorter (31 August + 3 → 30 November).
 */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/**
 * The latest endTime allowed for `startTime`: the same UTC wall time three calendar months later,
 * on the last day of that month when it is shorter (31 August → 30 November, 30 November →
 * 28 February). The one definition of the rule, used by the client (and so the CLI) and by the
 * sandbox, so they can never disagree at a month's end.
 */
export function latestEndTime(startTime: number): number {
  return addUtcMonths(startTime, MAX_RANGE_MONTHS);
}

/** Whether `[startTime, endTime)` is longer than one export may be. */
export const exceedsMaxRange = (startTime: number, endTime: number): boolean =>
  endTime > latestEndTime(startTime);
