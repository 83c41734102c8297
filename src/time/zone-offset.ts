// A time zone's offset from UTC, read back from Intl: the one place the CLI (wall-clock flags,
// file names) and the sandbox (dates in exports, /config/timezones) get offsets from.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of `timeZone`'s wall-clock parts, cached: building one costs far more than using it. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The offset (ms, east positive) of the IANA zone `timeZone` at the instant `epochMs`: the wall
 * clock Intl shows there, read as if it were UTC, minus the instant (to the whole second, as the
 * wall clock has no milliseconds).
 */
export function zoneOffsetAt(timeZone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * An offset as ISO 8601 and the vendor's `offsetString` write it: `+05:30`, `-06:00`, `+00:00`.
 * Seconds are written only when the offset has them (`-00:44:30`, Liberia until 1972), as Intl
 * names it: rounding them away would name an offset the zone never had.
 */
export function offsetString(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const hhmm = `${sign}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 === 0 ? hhmm : `${hhmm}:${two(seconds % 60)}`;
}

const two = (n: number): string => String(n).padStart(2, '0');
