// The zone an export's dates are written in, as the request asks: `timezone` (an IANA id,
// DST-aware) wins over `timezoneOffset` (fixed ms, not DST-aware); with neither, UTC. Dates are
// ISO 8601 with the offset (`2024-03-01T06:34:56-06:00`, written by ByteWriter.date) so a test can
// parse them back to the same instant. Offsets are cached per quarter hour: Intl is far too slow
// for the hot path of a 1 GiB export. They are rounded to whole minutes, because a date's offset
// has no seconds (`Date.parse` rejects `-00:44:30`): the wall clock is written at the rounded
// offset, so the date still names its exact instant.

import { offsetString, zoneOffsetAt } from '../../time/index.js';

const QUARTER_HOUR_MS = 900_000;

export interface DateZone {
  readonly timezone?: string | undefined;
  readonly timezoneOffset?: number | undefined;
}

export class ExportZone {
  readonly #timeZone: string | undefined;
  readonly #fixedOffset: number;
  readonly #offsets = new Map<number, number>();
  #lastBucket = Number.NaN;
  #lastOffset = 0;

  constructor(zone: DateZone) {
    this.#timeZone = zone.timezone || undefined;
    this.#fixedOffset = toWholeMinutes(zone.timezoneOffset ?? 0);
  }

  /** Whether every offset is written in six bytes (`±HH:MM`): IANA zones' always are. */
  get narrowOffsets(): boolean {
    return this.#timeZone !== undefined || offsetString(this.#fixedOffset).length === 6;
  }

  /** Offset from UTC in ms at instant `time` (zone offsets change at most every quarter hour). */
  offsetAt(time: number): number {
    if (!this.#timeZone) return this.#fixedOffset;
    const bucket = Math.floor(time / QUARTER_HOUR_MS);
    if (bucket === this.#lastBucket) return this.#lastOffset;
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      offset = toWholeMinutes(zoneOffsetAt(this.#timeZone, bucket * QUARTER_HOUR_MS));
      this.#offsets.set(bucket, offset);
    }
    this.#lastBucket = bucket;
    this.#lastOffset = offset;
    return offset;
  }
}

const toWholeMinutes = (offsetMs: number): number => Math.round(offsetMs / 60_000) * 60_000;
