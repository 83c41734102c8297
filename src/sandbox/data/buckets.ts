// Bucket boundaries of a team_performance_interval export. A fixed width slices the range from
// its start; any timeInterval above a week asks for calendar months (docs/vendor-notes.md §3),
// which begin at local midnight on the 1st in the export's zone (timezone, else timezoneOffset,
// else UTC), so they follow DST and are 28 to 31 days long. The first and last buckets are clipped to the range.
import { isMonthlyInterval } from '../../time/index.js';
import { ExportZone } from './dates.js';
import type { ReportParams } from './params.js';

const DAY_MS = 86_400_000;

/** [start, next boundary, …, end]: one bucket between each pair. */
export function intervalBuckets(params: ReportParams): number[] {
  const { startTime: start, endTime: end } = params;
  if (end <= start) return [start];
  const interval = params.timeInterval ?? DAY_MS;
  const bounds = [start];
  if (isMonthlyInterval(interval)) {
    const zone = new ExportZone(params);
    const local = new Date(start + zone.offsetAt(start));
    const year = local.getUTCFullYear();
    const month = local.getUTCMonth();
    for (let k = 1; ; k++) {
      const next = monthStart(year, month + k, zone);
      if (next >= end) break;
      bounds.push(next);
    }
  } else {
    for (let t = start + interval; t < end; t += interval) bounds.push(t);
  }
  bounds.push(end);
  return bounds;
}

/** The instant of local midnight on the 1st of `month` (may overflow into later years). */
function monthStart(year: number, month: number, zone: ExportZone): number {
  const wall = Date.UTC(year, month, 1);
  // The offset at the wall time read as UTC is off by at most one DST step: look again.
  return wall - zone.offsetAt(wall - zone.offsetAt(wall));
}
