import { JsonArrayError } from '../errors/json-array-error.js';

// The one reader of the JSON export format, shared by the client's rows() and the CLI's row
// counter and ndjson writer. It frames the elements of the top-level array by scanning bytes
// (strings, escapes, nesting) instead of parsing them: the native `indexOf` skips string contents,
// so framing runs near memory speed and each element can then be JSON.parse'd on its own — far
// faster than a streaming tokenizer, in memory bounded by one element.

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

/** Called with the exact bytes of each element; `multiline` if a line break occurs outside its strings. */
export type ElementHandler = (bytes: Uint8Array, multiline: boolean) => void;

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
  #nextBackslash = -2; // index of the next backslash in the current chunk; -2: not searched yet
  #multiline = false;
  #parts: Uint8Array[] = []; // the start of an element that began in an earlier chunk
  #offset = 0; // bytes before the current chunk
  #seenContent = false;
  #bomBytes = 0;
  readonly #onElement: ElementHandler | undefined;

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

  /** Scans one chunk, calling the handler for every element it completes; throws on a broken array. */
  push(chunk: Uint8Array): void {
    this.#nextBackslash = -2;
    const length = chunk.length;
    let start = this.#state === IN_VALUE || this.#state === IN_SCALAR ? 0 : -1;
    let i = 0;
    while (i < length) {
      if (this.#inString) {
        i = this.#skipString(chunk, i);
        if (!this.#inString && this.#depth === 0) {
          this.#emit(chunk, start, i); // a string element
          start = -1;
        }
        continue;
      }
      const byte = chunk[i] as number;
      const state = this.#state;
      if (state === IN_VALUE) {
        if (byte === QUOTE) this.#inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) this.#depth++;
        else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          if (--this.#depth === 0) {
            this.#emit(chunk, start, i + 1);
            start = -1;
          }
        } else if (byte === LF || byte === CR) this.#multiline = true;
        i++;
      } else if (state === IN_SCALAR) {
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
    let bytes: Uint8Array;
    if (this.#parts.length === 0) bytes = chunk.subarray(start, end);
    else {
      this.#parts.push(chunk.subarray(start, end));
      bytes = Buffer.concat(this.#parts);
      this.#parts = [];
    }
    handler(bytes, this.#multiline);
  }

  /** From `from` inside a string: the index just past its closing quote, or the chunk's end. */
  #skipString(chunk: Uint8Array, from: number): number {
    let i = from;
    while (i < chunk.length) {
      if (this.#escaped) {
        this.#escaped = false;
        i++;
        continue;
      }
      if (this.#nextBackslash !== -1 && this.#nextBackslash < i)
        this.#nextBackslash = chunk.indexOf(BACKSLASH, i);
      const quote = chunk.indexOf(QUOTE, i);
      if (this.#nextBackslash !== -1 && (quote === -1 || this.#nextBackslash < quote)) {
        this.#escaped = true;
        i = this.#nextBackslash + 1;
      } else if (quote === -1) {
        return chunk.length;
      } else {
        this.#inString = false;
        return quote + 1;
      }
    }
    return i;
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
