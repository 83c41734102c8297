import { JsonArrayError } from '../errors/json-array-error.js';
import {
  AFTER_ARRAY,
  AFTER_ELEMENT,
  BEFORE_ARRAY,
  FIRST_ELEMENT,
  IN_SCALAR,
  IN_VALUE,
  MAX_RECORDS,
  NEXT_ELEMENT,
} from './json-frame-code.js';
import { ESCAPED, IN_STRING, MULTILINE, type ValueKernel, valueKernel } from './json-value-kernel.js';

// The framing behind JsonArrayElements and the CLI's ndjson writer: it finds where the elements of
// the top-level array start and end by scanning bytes (strings, escapes, nesting), without parsing
// them. Where WebAssembly SIMD runs, one kernel call frames a whole run of a chunk's elements
// (json-frame-code.ts) and this class sees only what the kernel leaves to it: the bytes around the
// array, scalar elements, the end of the array, errors. Elsewhere the same states are walked here.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Called with runs of elements completed in `chunk`: element k of `from`…`to` starts at
 * `spans[2k]` and ends before `spans[2k + 1] >>> 1`, and spans lines outside its strings if
 * `spans[2k + 1] & 1`. `first` holds the whole bytes of the run's first element when it began in
 * an earlier chunk (then its span starts at 0). `spans` is only valid during the call.
 */
export type SpansHandler = (
  chunk: Uint8Array,
  spans: Int32Array,
  from: number,
  to: number,
  first: Uint8Array | undefined,
) => void;

/**
 * Splits a streamed JSON array into its elements as {@link JsonArrayElements} does (same checks of
 * the array's structure, same {@link JsonArrayError}s naming the byte offset), but hands them over
 * in runs, as offsets in the chunk: one call per run rather than one per element, for readers
 * that copy elements' bytes (the CLI's ndjson writer). Elements are framed, not validated.
 */
export class JsonArrayFramer {
  #count = 0;
  #state = BEFORE_ARRAY;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #multiline = false;
  #parts: Uint8Array[] = []; // the start of an element that began in an earlier chunk
  #offset = 0; // bytes before the current chunk
  #seenContent = false;
  #bomBytes = 0;
  #start = -1; // where the kernel left the element it stopped in
  #full = false; // whether the kernel stopped with its record table full
  readonly #onSpans: SpansHandler | undefined;
  readonly #kernel: ValueKernel | undefined = valueKernel();
  readonly #span = new Int32Array(2);

  /** Without a handler the framer only counts, keeping no element bytes. */
  constructor(onSpans?: SpansHandler) {
    this.#onSpans = onSpans;
  }

  /** Elements completed so far (those of a run are counted before its handler is called). */
  get count(): number {
    return this.#count;
  }

  /** Whether anything but whitespace has arrived (an all-whitespace body holds no array). */
  get started(): boolean {
    return this.#seenContent;
  }

  /** Whether the framer has just passed a comma between elements (and any whitespace after it). */
  get atNextElement(): boolean {
    return this.#state === NEXT_ELEMENT;
  }

  /** As {@link JsonArrayElements.skipElements}. */
  skipElements(byteLength: number, elements: number): void {
    if (this.#state !== NEXT_ELEMENT) throw new Error('skipElements() is only allowed at a next element');
    this.#offset += byteLength;
    this.#count += elements;
    this.#seenContent = true;
  }

  /** Scans one chunk, handing over every element it completes; throws on a broken array. */
  push(chunk: Uint8Array): void {
    const length = chunk.length;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, length);
    const kernel = this.#kernel;
    kernel?.forget();
    let start = this.#state === IN_VALUE || this.#state === IN_SCALAR ? 0 : -1;
    let i = 0;
    while (i < length) {
      let state = this.#state;
      if (kernel && state >= FIRST_ELEMENT && state <= IN_VALUE) {
        i = this.#frame(kernel, chunk, i, start);
        start = this.#state === IN_VALUE ? this.#start : -1;
        if (this.#full || i >= length) continue;
        state = this.#state;
      }
      if (state === IN_VALUE) {
        const end = this.#scanValue(bytes, i);
        if (end < 0) break;
        this.#emit(chunk, start, end);
        start = -1;
        i = end;
        continue;
      }
      const byte = chunk[i] as number;
      if (state === IN_SCALAR) {
        if (isScalarByte(byte)) i++;
        else {
          this.#emit(chunk, start, i); // and look at this byte again, between elements
          start = -1;
        }
      } else if (byte === 0x20 || byte === LF || byte === CR || byte === 0x09) {
        i++;
      } else {
        if (state !== BEFORE_ARRAY || !this.#skipBom(byte, i)) {
          this.#seenContent = true;
          if (this.#between(byte, i)) start = i;
        }
        i++;
      }
    }
    // A copy: the caller may reuse the chunk's memory once this returns (a released download chunk).
    if (start >= 0 && this.#onSpans) this.#parts.push(Buffer.from(chunk.subarray(start)));
    this.#offset += length;
  }

  /** Checks that the array was closed: a body cut short is an error, never a short read. */
  end(): void {
    if (this.#state !== AFTER_ARRAY) {
      throw new JsonArrayError(`it ends before its closing ], after ${this.#offset} bytes`);
    }
  }

  /**
   * Runs the kernel from `from`, takes over its state (and where its element started, whether its
   * record table is full) and hands over the elements it recorded.
   */
  #frame(kernel: ValueKernel, chunk: Uint8Array, from: number, start: number): number {
    const flags =
      (this.#inString ? IN_STRING : 0) | (this.#escaped ? ESCAPED : 0) | (this.#multiline ? MULTILINE : 0);
    const handler = this.#onSpans;
    const i = kernel.frame(chunk, from, this.#state, this.#depth, flags, start, handler !== undefined);
    const after = kernel.flags;
    this.#state = kernel.state;
    this.#depth = kernel.depth;
    this.#inString = (after & IN_STRING) !== 0;
    this.#escaped = (after & ESCAPED) !== 0;
    this.#multiline = (after & MULTILINE) !== 0;
    // All read before the handler runs: it may push another reader through the same kernel.
    this.#start = kernel.start;
    const count = kernel.count;
    this.#full = count === MAX_RECORDS;
    if (count === 0) return i;
    this.#count += count;
    if (handler) handler(chunk, kernel.records, 0, count, this.#joined(chunk, kernel.records));
    return i;
  }

  /**
   * Scans an object, array or string element from `from` where the kernel does not run: the index
   * just past its end, or -1 if the chunk ends first. The state lives in locals, a string's
   * contents are skipped by `Buffer#indexOf` of the next quote (memchr), and a quote ends the
   * string if an even number of backslashes precede it: faster than looking at each byte even for
   * the short strings of export rows.
   */
  #scanValue(chunk: Buffer, from: number): number {
    const length = chunk.length;
    let depth = this.#depth;
    let inString = this.#inString;
    let multiline = this.#multiline;
    let end = -1;
    let i = from;
    if (this.#escaped) {
      // The chunk before ended inside a string with an odd run of backslashes.
      this.#escaped = false;
      i++;
    }
    while (i < length) {
      if (inString) {
        const quote = chunk.indexOf(QUOTE, i);
        const stop = quote < 0 ? length : quote;
        let backslash = stop - 1;
        while (backslash >= i && chunk[backslash] === BACKSLASH) backslash--;
        const escapes = stop - 1 - backslash;
        if (quote < 0) {
          this.#escaped = escapes % 2 === 1;
          i = length;
          break;
        }
        i = quote + 1;
        if (escapes % 2 === 1) continue; // an escaped quote
        inString = false;
        if (depth === 0) {
          end = i; // a string element
          break;
        }
        continue;
      }
      const byte = chunk[i++] as number;
      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        if (--depth === 0) {
          end = i;
          break;
        }
      } else if (byte === LF || byte === CR) multiline = true;
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#multiline = multiline;
    return end;
  }

  /** A byte between elements; returns whether it starts an element. */
  #between(byte: number, i: number): boolean {
    switch (this.#state) {
      case BEFORE_ARRAY:
        if (byte !== OPEN_ARRAY) throw this.#fail(`it does not start with [ but with '${show(byte)}'`, i);
        this.#state = FIRST_ELEMENT;
        return false;
      case AFTER_ELEMENT:
        if (byte === COMMA) this.#state = NEXT_ELEMENT;
        else if (byte === CLOSE_ARRAY) this.#state = AFTER_ARRAY;
        else throw this.#fail(`a comma is missing before '${show(byte)}'`, i);
        return false;
      case AFTER_ARRAY:
        throw this.#fail(`there is data after the closing ], '${show(byte)}'`, i);
      default: // FIRST_ELEMENT or NEXT_ELEMENT
        if (byte === CLOSE_ARRAY) {
          if (this.#state === NEXT_ELEMENT) throw this.#fail('a comma is followed by ]', i);
          this.#state = AFTER_ARRAY;
          return false;
        }
        return this.#startElement(byte, i);
    }
  }

  #startElement(byte: number, i: number): boolean {
    this.#multiline = false;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      this.#state = IN_VALUE;
      this.#depth = 1;
    } else if (byte === QUOTE) {
      this.#state = IN_VALUE;
      this.#depth = 0;
      this.#inString = true;
    } else if (isScalarByte(byte) && byte !== 0x2b && byte !== 0x2e) {
      this.#state = IN_SCALAR;
    } else {
      throw this.#fail(`an element starts with '${show(byte)}'`, i);
    }
    return true;
  }

  /** An element found here rather than by the kernel: a run of one. */
  #emit(chunk: Uint8Array, start: number, end: number): void {
    this.#count++;
    this.#state = AFTER_ELEMENT;
    const handler = this.#onSpans;
    if (!handler) return;
    const span = this.#span;
    span[0] = start;
    span[1] = end * 2 + (this.#multiline ? 1 : 0);
    handler(chunk, span, 0, 1, this.#joined(chunk, span));
  }

  /** The whole bytes of an element that began in an earlier chunk and ends at `end` of this one. */
  #joined(chunk: Uint8Array, spans: Int32Array): Uint8Array | undefined {
    if (this.#parts.length === 0) return undefined;
    this.#parts.push(chunk.subarray(0, (spans[1] as number) >>> 1));
    const bytes = Buffer.concat(this.#parts);
    this.#parts = [];
    return bytes;
  }

  /** Skips a byte of a leading UTF-8 byte order mark. */
  #skipBom(byte: number, i: number): boolean {
    const at = this.#offset + i;
    if (at !== this.#bomBytes || at >= BOM.length || byte !== BOM[at]) return false;
    this.#bomBytes++;
    return true;
  }

  #fail(problem: string, i: number): JsonArrayError {
    return new JsonArrayError(`${problem} at byte ${this.#offset + i}`);
  }
}

/** Bytes of a JSON number or literal (`-1.5e+3`, `true`, `null`); anything else ends it. */
function isScalarByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    (byte >= 0x61 && byte <= 0x7a) || // a-z (true, false, null, e)
    byte === 0x2d || // -
    byte === 0x2b || // +
    byte === 0x2e || // .
    byte === 0x45 // E
  );
}

function show(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `0x${byte.toString(16).padStart(2, '0')}`;
}
