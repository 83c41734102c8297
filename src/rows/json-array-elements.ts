import { JsonArrayError } from '../errors/json-array-error.js';
import { ESCAPED, IN_STRING, MULTILINE, valueKernel } from './json-value-kernel.js';

// The one reader of the JSON export format, shared by the client's rows() and the CLI's row
// counter and ndjson writer. It frames the elements of the top-level array by scanning bytes
// (strings, escapes, nesting) in one tight loop instead of parsing them, so framing runs several
// times faster than JSON.parse and the elements can then be JSON.parse'd in runs — far faster than
// a streaming tokenizer, in memory bounded by one chunk.

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

// Where the scan is, between tokens of the top-level array or inside one element.
const BEFORE_ARRAY = 0;
const FIRST_ELEMENT = 1; // after `[`: an element or `]`
const NEXT_ELEMENT = 2; // after `,`: an element
const AFTER_ELEMENT = 3; // `,` or `]`
const IN_VALUE = 4; // an object, array or string element
const IN_SCALAR = 5; // a number, true, false or null element
const AFTER_ARRAY = 6;

/**
 * Called with the exact bytes of each element; `multiline` if a line break occurs outside its
 * strings; `startInChunk`: where the element starts in the chunk being pushed, or -1 if it began
 * in an earlier one (then `bytes` is a copy joining the pieces).
 */
export type ElementHandler = (bytes: Uint8Array, multiline: boolean, startInChunk: number) => void;

/**
 * Splits a streamed JSON array into its elements' bytes, checking the array's own structure: an
 * opening `[` (after an optional UTF-8 BOM), elements separated by single commas, a closing `]`,
 * nothing but whitespace after it. Elements are framed, not validated: JSON.parse of an element
 * checks its insides. Errors are {@link JsonArrayError}s naming the byte offset.
 */
export class JsonArrayElements {
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
  readonly #onElement: ElementHandler | undefined;
  readonly #kernel = valueKernel();

  /** Without a handler the reader only counts, keeping no element bytes. */
  constructor(onElement?: ElementHandler) {
    this.#onElement = onElement;
  }

  /** Elements completed so far. */
  get count(): number {
    return this.#count;
  }

  /** Whether anything but whitespace has arrived (an all-whitespace body holds no array). */
  get started(): boolean {
    return this.#seenContent;
  }

  /** Whether the reader has just passed a comma between elements (and any whitespace after it). */
  get atNextElement(): boolean {
    return this.#state === NEXT_ELEMENT;
  }

  /**
   * Moves past `byteLength` bytes that were not pushed, which the caller has checked hold
   * `elements` whole elements, each followed by its comma (`JSON.parse` of `[` + the bytes before
   * the last comma + `]` gave that many elements): a reader that parses rows anyway need not scan
   * them. Only {@link atNextElement}, and the reader is at a next element again afterwards.
   */
  skipElements(byteLength: number, elements: number): void {
    if (this.#state !== NEXT_ELEMENT) throw new Error('skipElements() is only allowed at a next element');
    this.#offset += byteLength;
    this.#count += elements;
    this.#seenContent = true;
  }

  /** Scans one chunk, calling the handler for every element it completes; throws on a broken array. */
  push(chunk: Uint8Array): void {
    const length = chunk.length;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, length);
    this.#kernel?.forget();
    let start = this.#state === IN_VALUE || this.#state === IN_SCALAR ? 0 : -1;
    let i = 0;
    while (i < length) {
      const state = this.#state;
      if (state === IN_VALUE) {
        const end = this.#scanValue(chunk, bytes, i);
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
    if (start >= 0 && this.#onElement) this.#parts.push(chunk.subarray(start));
    this.#offset += length;
  }

  /**
   * Scans an object, array or string element from `from`: the index just past its end, or -1 if
   * the chunk ends first. The WebAssembly kernel does it where it runs (16 bytes per SIMD step
   * through strings); the loop below is for runtimes without it. There the state lives in locals,
   * a string's contents are skipped by `Buffer#indexOf` of the next quote (memchr), and a quote
   * ends the string if an even number of backslashes precede it: faster than looking at each byte
   * even for the short strings of export rows (`npm run bench -- rows`).
   */
  #scanValue(chunk: Uint8Array, bytes: Buffer, from: number): number {
    const kernel = this.#kernel;
    if (kernel) {
      const flags =
        (this.#inString ? IN_STRING : 0) | (this.#escaped ? ESCAPED : 0) | (this.#multiline ? MULTILINE : 0);
      const result = kernel.scan(chunk, from, this.#depth, flags);
      if (result >= 0) {
        this.#depth = 0;
        this.#inString = false;
        this.#escaped = false;
        this.#multiline = (result & 1) === 1;
        return result >>> 1;
      }
      const state = kernel.flags;
      this.#depth = kernel.depth;
      this.#inString = (state & IN_STRING) !== 0;
      this.#escaped = (state & ESCAPED) !== 0;
      this.#multiline = (state & MULTILINE) !== 0;
      return -1;
    }
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
        const quote = bytes.indexOf(QUOTE, i);
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

  /** Checks that the array was closed: a body cut short is an error, never a short read. */
  end(): void {
    if (this.#state !== AFTER_ARRAY) {
      throw new JsonArrayError(`it ends before its closing ], after ${this.#offset} bytes`);
    }
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

  #emit(chunk: Uint8Array, start: number, end: number): void {
    this.#count++;
    this.#state = AFTER_ELEMENT;
    const handler = this.#onElement;
    if (!handler) return;
    if (this.#parts.length === 0) {
      handler(chunk.subarray(start, end), this.#multiline, start);
      return;
    }
    this.#parts.push(chunk.subarray(start, end));
    const bytes = Buffer.concat(this.#parts);
    this.#parts = [];
    handler(bytes, this.#multiline, -1);
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
