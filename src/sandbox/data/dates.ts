// The zone an export's dates are written in, as the request asks: `timezone` (an IANA id,
// DST-aware) wins over `timezoneOffset` (fixed ms, not DST-aware); with neither, UTC. Dates are
// ISO 8601 with the offset (`2024-03-01T06:34:56-06:00`, written by ByteWriter.date) so a test can
// parse them back to the same instant. Offsets are cached per quarter hour: Intl is far too slow
// for the hot path of a 1 GiB export.

const QUARTER_HOUR_MS = 900_000;

export interface DateZone {
  readonly timezone?: string | undefined;
  readonly timezoneOffset?: number | undefined;
}

export class ExportZone {
  readonly #zone: Intl.DateTimeFormat | undefined;
  readonly #fixedOffset: number;
  readonly #offsets = new Map<number, number>();
  #lastBucket = Number.NaN;
  #lastOffset = 0;

  constructor(zone: DateZone) {
    this.#zone = zone.timezone ? wallClock(zone.timezone) : undefined;
    this.#fixedOffset = zone.timezoneOffset ?? 0;
  }

  /** Offset from UTC in ms at instant `time` (zone offsets change at most every quarter hour). */
  offsetAt(time: number): number {
    if (!this.#zone) return this.#fixedOffset;
    const bucket = Math.floor(time / QUARTER_HOUR_MS);
    if (bucket === this.#lastBucket) return this.#lastOffset;
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffset(this.#zone, bucket * QUARTER_HOUR_MS);
      this.#offsets.set(bucket, offset);
    }
    this.#lastBucket = bucket;
    this.#lastOffset = offset;
    return offset;
  }
}

/** `+05:30`, `-06:00`, `+00:00`. */
export function offsetString(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A formatter of the wall-clock parts in `timeZone`, for zoneOffset. */
export function wallClock(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The zone's offset at `time`, read back from Intl's wall-clock parts. */
export function zoneOffset(format: Intl.DateTimeFormat, time: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(time)) {
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
  return wall - (time - (time % 1000));
}
