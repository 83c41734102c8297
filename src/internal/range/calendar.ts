// Calendar windows in a time zone: the boundaries a range export and a sync cut at.
import { ValidationError } from '../../errors/validation-error.js';
import { exceedsMaxRange } from '../../time/three-month-rule.js';
import { zoneOffsetAt } from '../../time/zone-offset.js';
import type { WindowUnit } from '../../types/range-export.js';

/** An IANA zone id, or a fixed offset in ms east of UTC. */
export type CalendarZone = string | number;

export interface CalendarWindow {
  readonly label: string;
  readonly startTime: number;
  readonly endTime: number;
}

export const windowUnits: readonly WindowUnit[] = ['day', 'week', 'month', 'quarter'];

/** The window a range or sync is cut into (default month); anything else is refused up front. */
export function windowUnit(unit: WindowUnit | undefined): WindowUnit {
  const chosen = unit ?? 'month';
  if (!windowUnits.includes(chosen))
    throw new ValidationError(
      'window',
      `'${String(chosen)}' is not a window`,
      `use one of ${windowUnits.join(', ')}`,
    );
  return chosen;
}

const offsetAt = (zone: CalendarZone, at: number) =>
  typeof zone === 'number' ? zone : zoneOffsetAt(zone, at);

/** The instant the zone's clocks show midnight starting `y-m-d` (month 0-based, may overflow). */
export function midnight(zone: CalendarZone, year: number, month: number, day: number): number {
  const asUtc = Date.UTC(year, month, day);
  const guess = asUtc - offsetAt(zone, asUtc);
  return asUtc - offsetAt(zone, guess);
}

/** The zone's calendar date at `at`: year, 0-based month, day, 0 = Monday weekday. */
export function dateIn(zone: CalendarZone, at: number) {
  const shifted = new Date(at + offsetAt(zone, at));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: (shifted.getUTCDay() + 6) % 7,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Start, label and next start of the calendar unit containing `at`. */
export function unitAt(unit: WindowUnit, zone: CalendarZone, at: number) {
  const { year, month, day, weekday } = dateIn(zone, at);
  switch (unit) {
    case 'day':
      return {
        start: midnight(zone, year, month, day),
        end: midnight(zone, year, month, day + 1),
        label: `${year}-${pad(month + 1)}-${pad(day)}`,
      };
    case 'week': {
      const monday = new Date(Date.UTC(year, month, day - weekday));
      const [y, m, d] = [monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate()];
      return {
        start: midnight(zone, y, m, d),
        end: midnight(zone, y, m, d + 7),
        label: `${y}-${pad(m + 1)}-${pad(d)}`,
      };
    }
    case 'month':
      return {
        start: midnight(zone, year, month, 1),
        end: midnight(zone, year, month + 1, 1),
        label: `${year}-${pad(month + 1)}`,
      };
    case 'quarter': {
      const first = month - (month % 3);
      return {
        start: midnight(zone, year, first, 1),
        end: midnight(zone, year, first + 3, 1),
        label: `${year}-Q${first / 3 + 1}`,
      };
    }
  }
}

/**
 * Cuts `[startTime, endTime)` at the unit's calendar boundaries in the zone: consecutive
 * windows, no overlap, no gap; the first and last are clipped to the range.
 */
export function cutWindows(
  startTime: number,
  endTime: number,
  unit: WindowUnit,
  zone: CalendarZone,
): CalendarWindow[] {
  const windows: CalendarWindow[] = [];
  for (let at = startTime; at < endTime; ) {
    const calendar = unitAt(unit, zone, at);
    const end = Math.min(calendar.end, endTime);
    // The API measures its 3 months in UTC; a quarter across a daylight-saving change can be an
    // hour longer in the zone.
    if (exceedsMaxRange(at, end)) {
      throw new ValidationError(
        'window',
        `window ${calendar.label} is longer than the API's 3 months in this time zone`,
        "use window 'month'",
      );
    }
    windows.push({ label: calendar.label, startTime: at, endTime: end });
    at = end;
  }
  return windows;
}
