// Writes export bytes straight into a Buffer: pre-encoded constants are copied, integers are written
// digit by digit and dates as cached 32-bit words. (Building a string per cell and encoding it ran
// at about half the speed.)
import { offsetString } from '../../time/index.js';
import type { ExportZone } from './dates.js';

const DAY_MS = 86_400_000;
const utf8 = new TextEncoder();

/** UTF-8 bytes as a plain Uint8Array: every array the hot path copies from has the same shape, so
 * the copy loops stay monomorphic (mixing Buffer and Uint8Array measured clearly slower). */
export const encodeUtf8 = (text: string): Uint8Array => utf8.encode(text);

export class ByteWriter {
  buf: Buffer;
  /** A view of `buf` for writing four bytes per store (dates). */
  view: DataView;
  pos = 0;
  readonly #capacity: number;
  readonly #dates: ExportZone;
  /** Per cache slot, `YYYY-MM-DDTHH:MM` of a local minute as four little-endian words, and which
   * minute the slot holds: consecutive and nearby dates mostly fall in a cached minute. */
  readonly #minuteWords = new Int32Array(MINUTE_SLOTS * 4);
  readonly #minuteTags = new Float64Array(MINUTE_SLOTS).fill(Number.NaN);
  /** Per second of a minute, `:SS±HH:MM` of the current offset as two words and a last byte. */
  #secondWords = new Int32Array(60 * 3);
  #offset = Number.NaN;
  #offsetWide = false;

  constructor(capacity: number, dates: ExportZone) {
    this.#capacity = capacity;
    this.buf = Buffer.allocUnsafe(capacity);
    this.view = viewOf(this.buf);
    this.#dates = dates;
  }

  /** Hands out the bytes written so far and starts a fresh buffer (the old one may still be queued
   * on a socket, so it is never reused). */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.#capacity);
    this.view = viewOf(this.buf);
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
      // Two digits per division, from a table of the 100 pairs.
      while (n >= 100) {
        const q = (n / 100) | 0;
        const pair = (n - q * 100) * 2;
        buf[--p] = DIGIT_PAIRS[pair + 1] as number;
        buf[--p] = DIGIT_PAIRS[pair] as number;
        n = q;
      }
      if (n >= 10) {
        buf[--p] = DIGIT_PAIRS[n * 2 + 1] as number;
        buf[--p] = DIGIT_PAIRS[n * 2] as number;
      } else {
        buf[--p] = 48 + n;
      }
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

  /** An instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the export's zone: seven stores of cached words
   * (writing it byte by byte, even from cached parts, was the generator's largest cost). */
  date(time: number): void {
    const offset = this.#dates.offsetAt(time);
    if (offset !== this.#offset) this.#useOffset(offset);
    if (this.#offsetWide) {
      this.bytes(encodeUtf8(dateText(time, offset)));
      return;
    }
    const local = time + offset;
    const minute = Math.floor(local / MINUTE_MS);
    const slot = minute & (MINUTE_SLOTS - 1);
    if (this.#minuteTags[slot] !== minute) this.#cacheMinute(slot, minute);
    const second = Math.floor((local - minute * MINUTE_MS) / 1000) * 3;
    const words = this.#minuteWords;
    const seconds = this.#secondWords;
    const view = this.view;
    const p = this.pos;
    const w = slot * 4;
    view.setInt32(p, words[w] as number, true);
    view.setInt32(p + 4, words[w + 1] as number, true);
    view.setInt32(p + 8, words[w + 2] as number, true);
    view.setInt32(p + 12, words[w + 3] as number, true);
    view.setInt32(p + 16, seconds[second] as number, true);
    view.setInt32(p + 20, seconds[second + 1] as number, true);
    this.buf[p + 24] = seconds[second + 2] as number;
    this.pos = p + 25;
  }

  #cacheMinute(slot: number, minute: number): void {
    const day = Math.floor(minute / 1440);
    const ofDay = minute - day * 1440;
    const text = `${dayText(day)}T${two(Math.floor(ofDay / 60))}:${two(ofDay % 60)}`;
    const words = wordsOf(text);
    this.#minuteWords.set(words, slot * 4);
    this.#minuteTags[slot] = minute;
  }

  #useOffset(offset: number): void {
    const suffix = offsetString(offset);
    this.#offset = offset;
    // Offsets of 100 hours or more do not fit the fixed layout: written the slow way.
    this.#offsetWide = suffix.length !== 6;
    if (this.#offsetWide) return;
    const table = new Int32Array(60 * 3);
    for (let s = 0; s < 60; s++) {
      const words = wordsOf(`:${two(s)}${suffix}`);
      table.set(words, s * 3);
    }
    this.#secondWords = table;
  }
}

const MINUTE_MS = 60_000;
/** `00` to `99` as ASCII, two bytes each. */
const DIGIT_PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => 48 + (i % 2 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)),
);
/** Minutes the date cache holds (a power of two): covers the spread of dates within a few rows. */
const MINUTE_SLOTS = 512;

const viewOf = (buf: Buffer): DataView => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
const two = (n: number): string => String(n).padStart(2, '0');
const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date as text, for the rare offsets the word layout does not fit. */
function dateText(time: number, offset: number): string {
  const local = time + offset;
  const day = Math.floor(local / DAY_MS);
  const s = Math.floor((local - day * DAY_MS) / 1000);
  const clock = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  return `${dayText(day)}T${clock}${offsetString(offset)}`;
}

/** ASCII text (a multiple of four bytes long, or padded with a last partial word) as little-endian
 * 32-bit words. */
function wordsOf(text: string): Int32Array {
  const bytes = new DataView(new ArrayBuffer(Math.ceil(text.length / 4) * 4));
  for (let i = 0; i < text.length; i++) bytes.setUint8(i, text.charCodeAt(i));
  return Int32Array.from({ length: bytes.byteLength / 4 }, (_, i) => bytes.getInt32(i * 4, true));
}
