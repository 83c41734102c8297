// Writes export bytes straight into a Buffer: pre-encoded constants are copied, integers and dates
// are written digit by digit. (Building a string per cell and encoding it ran at about half the
// speed.)
import { offsetString } from '../../internal/time/zone-offset.js';
import type { ExportZone } from './dates.js';

const DAY_MS = 86_400_000;
const utf8 = new TextEncoder();

/** UTF-8 bytes as a plain Uint8Array: every array the hot path copies from has the same shape, so
 * the copy loops stay monomorphic (mixing Buffer and Uint8Array measured clearly slower). */
export const encodeUtf8 = (text: string): Uint8Array => utf8.encode(text);

export class ByteWriter {
  buf: Buffer;
  pos = 0;
  readonly #capacity: number;
  readonly #dates: ExportZone;
  readonly #clock = clock();
  readonly #dayPrefixes = new Map<number, Uint8Array>();
  readonly #offsetSuffixes = new Map<number, Uint8Array>();
  // One-entry caches in front of the maps: consecutive rows almost always share day and offset.
  #lastDay = Number.NaN;
  #lastPrefix: Uint8Array = new Uint8Array(11);
  #lastOffset = Number.NaN;
  #lastSuffix: Uint8Array = new Uint8Array(0);

  constructor(capacity: number, dates: ExportZone) {
    this.#capacity = capacity;
    this.buf = Buffer.allocUnsafe(capacity);
    this.#dates = dates;
  }

  /** Hands out the bytes written so far and starts a fresh buffer (the old one may still be queued
   * on a socket, so it is never reused). */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.#capacity);
    this.pos = 0;
    return chunk;
  }

  bytes(src: Uint8Array): void {
    const buf = this.buf;
    const n = src.length;
    let p = this.pos;
    if (n > 32) {
      buf.set(src, p);
      p += n;
    } else {
      for (let i = 0; i < n; i++) buf[p++] = src[i] as number;
    }
    this.pos = p;
  }

  /** A non-negative integer below 2^53 in decimal (int32 arithmetic when it fits: much faster). */
  uint(value: number): void {
    const buf = this.buf;
    if (value < 0x80000000) {
      let n = value | 0;
      let p =
        this.pos +
        (n < 10
          ? 1
          : n < 100
            ? 2
            : n < 1000
              ? 3
              : n < 10000
                ? 4
                : n < 100000
                  ? 5
                  : n < 1000000
                    ? 6
                    : n < 10000000
                      ? 7
                      : n < 100000000
                        ? 8
                        : n < 1000000000
                          ? 9
                          : 10);
      this.pos = p;
      do {
        const q = (n / 10) | 0;
        buf[--p] = 48 + n - q * 10;
        n = q;
      } while (n > 0);
      return;
    }
    let n = Math.floor(value);
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
  }

  /** An instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the export's zone. */
  date(time: number): void {
    const offset = this.#dates.offsetAt(time);
    const local = time + offset;
    const day = Math.floor(local / DAY_MS);
    if (day !== this.#lastDay) {
      let prefix = this.#dayPrefixes.get(day);
      if (!prefix) {
        prefix = encodeUtf8(`${new Date(day * DAY_MS).toISOString().slice(0, 10)}T`);
        this.#dayPrefixes.set(day, prefix);
      }
      this.#lastDay = day;
      this.#lastPrefix = prefix;
    }
    if (offset !== this.#lastOffset) {
      let suffix = this.#offsetSuffixes.get(offset);
      if (!suffix) {
        suffix = encodeUtf8(offsetString(offset));
        this.#offsetSuffixes.set(offset, suffix);
      }
      this.#lastOffset = offset;
      this.#lastSuffix = suffix;
    }
    const prefix = this.#lastPrefix;
    const suffix = this.#lastSuffix;
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < 11; i++) buf[p++] = prefix[i] as number;
    const table = this.#clock;
    let c = Math.floor((local - day * DAY_MS) / 1000) * 8;
    for (let i = 0; i < 8; i++) buf[p++] = table[c++] as number;
    for (let i = 0; i < suffix.length; i++) buf[p++] = suffix[i] as number;
    this.pos = p;
  }
}

/** `HH:MM:SS` of every second of a day, 8 bytes each (691 KB, built on first use): a copy beats
 * six divisions. */
let clockTable: Uint8Array | undefined;
function clock(): Uint8Array {
  if (clockTable) return clockTable;
  const table = new Uint8Array(86_400 * 8);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let s = 0; s < 86_400; s++) {
    const text = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
    for (let i = 0; i < 8; i++) table[s * 8 + i] = text.charCodeAt(i);
  }
  clockTable = table;
  return table;
}
