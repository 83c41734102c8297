import { zoneOffsetAt } from '../../time/index.js';
import { UsageError } from '../errors/usage-error.js';

/** Where wall-clock times (dates, `--last 7d` day boundaries) are anchored. */
export type Zone =
  | { readonly kind: 'iana'; readonly id: string }
  | { readonly kind: 'fixed'; readonly offsetMs: number };

export const utc: Zone = { kind: 'fixed', offsetMs: 0 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let knownZones: readonly string[] | undefined;
function supportedZones(): readonly string[] {
  knownZones ??= Intl.supportedValuesOf('timeZone');
  return knownZones;
}

/**
 * Validates an IANA time-zone id against the runtime's Intl database and returns it spelled as the
 * database spells it (`america/chicago` → `America/Chicago`). Aliases Intl accepts but does not
 * list (`UTC`, `Asia/Kolkata`) are kept as typed.
 */
export function parseTimeZone(text: string, flag = '--tz'): string {
  const trimmed = text.trim();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
  } catch {
    const hint = suggestZones(trimmed);
    throw new UsageError(
      `${flag}: '${text}' is not a time zone; use an IANA id such as America/Chicago or Europe/Berlin` +
        (hint.length > 0 ? ` (did you mean ${hint.join(', ')}?)` : '') +
        `; \`care-analytics timezones\` lists the ids the service knows`,
      flag,
    );
  }
  const lower = trimmed.toLowerCase();
  return supportedZones().find((zone) => zone.toLowerCase() === lower) ?? trimmed;
}

function suggestZones(text: string): string[] {
  const wanted = text.toLowerCase();
  const city = wanted.split('/').pop() ?? wanted;
  return (
    supportedZones()
      .map((zone) => {
        const lower = zone.toLowerCase();
        const zoneCity = lower.split('/').pop() ?? lower;
        return { zone, distance: Math.min(editDistance(wanted, lower), editDistance(city, zoneCity)) };
      })
      // Short names are too easily "close" to unrelated ones: allow one edit per four letters.
      .filter(({ distance }) => distance <= Math.min(2, Math.floor(city.length / 4)))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 3)
      .map(({ zone }) => zone)
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `+05:30`, `-0800`, `+01`, `Z` → signed milliseconds east of UTC (the vendor's `timezoneOffset`). */
export function parseTimeZoneOffset(text: string, flag = '--tz-offset'): number {
  const trimmed = text.trim();
  if (/^(z|utc)$/i.test(trimmed)) return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(trimmed);
  const hours = Number(match?.[2]);
  const minutes = Number(match?.[3] ?? 0);
  if (!match || hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) {
    throw new UsageError(
      `${flag}: '${text}' is not a UTC offset; use a signed hours:minutes value between -14:00 and +14:00, e.g. +05:30 or -08:00`,
      flag,
    );
  }
  const sign = match[1] === '-' ? -1 : 1;
  // `-00:00` would otherwise become -0 and print oddly.
  return sign * (hours * HOUR + minutes * MINUTE) || 0;
}

/** The zone's offset from UTC (ms, east positive) at the instant `epochMs`. */
export function offsetAt(zone: Zone, epochMs: number): number {
  return zone.kind === 'fixed' ? zone.offsetMs : zoneOffsetAt(zone.id, epochMs);
}

export interface WallTime {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/** The instant at which the zone's clocks show `wall`. In a DST gap the later offset wins. */
export function wallTimeToEpoch(wall: WallTime, zone: Zone): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
    wall.millisecond ?? 0,
  );
  const firstGuess = asUtc - offsetAt(zone, asUtc);
  const secondOffset = offsetAt(zone, firstGuess);
  return asUtc - secondOffset;
}

/** The wall-clock date (and time) the zone shows at `epochMs`. */
export function epochToWallTime(epochMs: number, zone: Zone): Required<WallTime> {
  const shifted = new Date(epochMs + offsetAt(zone, epochMs));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}
