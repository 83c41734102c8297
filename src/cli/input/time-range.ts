import { UsageError } from '../errors/usage-error.js';
import { parseInstant } from './instant.js';
import { epochToWallTime, wallTimeToEpoch, type Zone } from './zone.js';

export interface TimeRange {
  readonly startTime: number;
  readonly endTime: number;
  /** True when both ends fall on midnight in the zone, so a file name can use plain dates. */
  readonly wholeDays: boolean;
}

export interface TimeRangeInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly last?: string | undefined;
}

const MINUTE = 60_000;
const UNITS = { m: MINUTE, h: 60 * MINUTE, d: 0, w: 0 } as const;

/**
 * Turns `--from/--to` or `--last` into the epoch-ms range the API wants.
 * `--last Nd|Nw` means the N whole days (7N for weeks) before today in the zone, so a daily cron job
 * gets complete, non-overlapping days; `--last Nh|Nm` means the span ending now (to the minute).
 * `--to` may be combined with `--last` to move the end; `--from` may not.
 */
export function resolveTimeRange(input: TimeRangeInput, zone: Zone, now: number): TimeRange {
  if (input.last !== undefined && input.from !== undefined) {
    throw new UsageError(
      '--last and --from cannot be combined; give --from/--to or --last (with an optional --to)',
      '--last',
    );
  }
  let startTime: number;
  let endTime: number;
  if (input.last !== undefined) {
    const { amount, unit } = parseLast(input.last);
    if (unit === 'd' || unit === 'w') {
      endTime = input.to !== undefined ? parseInstant(input.to, '--to', zone) : startOfDay(now, zone);
      const end = epochToWallTime(endTime, zone);
      const days = unit === 'w' ? amount * 7 : amount;
      startTime = wallTimeToEpoch({ ...end, day: end.day - days }, zone);
    } else {
      endTime =
        input.to !== undefined ? parseInstant(input.to, '--to', zone) : Math.floor(now / MINUTE) * MINUTE;
      startTime = endTime - amount * UNITS[unit];
    }
  } else {
    if (input.from === undefined || input.to === undefined) {
      const missing = input.from === undefined ? '--from' : '--to';
      throw new UsageError(
        `${missing} is missing: give a time range with --from and --to (e.g. --from 2026-11-01 --to 2026-11-08) or --last (e.g. --last 7d)`,
        missing,
      );
    }
    startTime = parseInstant(input.from, '--from', zone);
    endTime = parseInstant(input.to, '--to', zone);
  }
  if (startTime >= endTime) {
    throw new UsageError(
      `--from (${new Date(startTime).toISOString()}) must be before --to (${new Date(endTime).toISOString()})`,
      '--from',
    );
  }
  return { startTime, endTime, wholeDays: isMidnight(startTime, zone) && isMidnight(endTime, zone) };
}

export function parseLast(text: string): { amount: number; unit: keyof typeof UNITS } {
  const match = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(text);
  const amount = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(amount) || amount < 1) {
    throw new UsageError(
      `--last: '${text}' is not a duration; use a positive number with m (minutes), h (hours), d (days) or w (weeks), e.g. 7d, 24h, 2w`,
      '--last',
    );
  }
  return { amount, unit: (match[2] ?? 'd').toLowerCase() as keyof typeof UNITS };
}

function startOfDay(epochMs: number, zone: Zone): number {
  const wall = epochToWallTime(epochMs, zone);
  return wallTimeToEpoch({ year: wall.year, month: wall.month, day: wall.day }, zone);
}

function isMidnight(epochMs: number, zone: Zone): boolean {
  return startOfDay(epochMs, zone) === epochMs;
}
