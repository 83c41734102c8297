import { JsonArrayError } from '../errors/json-array-error.js';
import { JsonArrayElements } from './json-array-elements.js';
import { type Row, toRow } from './row.js';

// ignoreBOM: a U+FEFF that starts a decoded run is data (JSON.parse then rejects it between
// elements, as the scanner does), never a byte order mark to drop. Every run decoded ends with an
// ASCII byte (the end of an element), so no character is ever held back by `stream: true`, which
// is only there because Node 20's decoder is a third faster with it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const STREAM = { stream: true };

const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** `}` bytes looked at, from a chunk's end, for one followed by `,` and `{`. */
const BOUNDARY_TRIES = 8;
/** Bytes held without a row boundary before they are scanned instead (one huge row, or no objects). */
const MAX_CARRY = 1 << 20;

/**
 * JSON export bytes → rows, one batch per chunk, two ways that give the same rows and errors.
 *
 * Parsed: once the reader is just past a comma between elements, the bytes up to the last `},{`
 * of the next chunk are decoded once and parsed by one `JSON.parse` of `[` + them + `]`. JSON's
 * grammar is deterministic, so if that parse succeeds those bytes are whole elements, and the
 * comma after them is between elements too: {@link JsonArrayElements} skips them unscanned.
 *
 * Scanned: at the start, and whenever a parse fails (a broken row, or a `},{` inside a string),
 * the bytes go through {@link JsonArrayElements}, which frames the elements and names the byte or
 * row where the array breaks; the run of elements a chunk completes is still parsed in one go.
 * Scanning stops at the next row boundary that turns out to be one.
 */
export class JsonRowReader {
  readonly #elements = new JsonArrayElements((bytes, _multiline, startInChunk) => {
    if (startInChunk < 0) this.#rows.push(toRow(parseElement(bytes, this.#elements.count)));
    else {
      if (this.#spans.length === 0) this.#firstPosition = this.#elements.count;
      this.#spans.push(startInChunk, startInChunk + bytes.length);
    }
  });
  /** Whether the reader is just past a comma and `#carry` holds the bytes after it, unscanned. */
  #parsing = false;
  #carry: Uint8Array[] = [];
  #carryBytes = 0;
  /** Rows of the scanned bytes: elements that began earlier, then spans in the bytes pushed. */
  #rows: Row[] = [];
  #spans: number[] = [];
  #firstPosition = 0;

  /** The rows that `chunk` completes (or, while parsing, those before its last row boundary). */
  push(chunk: Uint8Array): Row[] {
    if (!this.#parsing) return this.#pushScanned(chunk);
    const boundary = lastRowBoundary(chunk);
    if (boundary < 0) {
      this.#carry.push(chunk);
      this.#carryBytes += chunk.length;
      return this.#carryBytes > MAX_CARRY ? this.#scanCarry() : [];
    }
    const rows = this.#parseRun(chunk, boundary);
    if (rows) {
      this.#elements.skipElements(this.#carryBytes + boundary + 1, rows.length);
      this.#hold(chunk.subarray(boundary + 1));
      return rows;
    }
    const carried = this.#scanCarry();
    const rows2 = this.#pushScanned(chunk);
    return carried.length === 0 ? rows2 : carried.concat(rows2);
  }

  /** The last rows; throws if the array is not closed. An empty body is an export without rows. */
  end(): Row[] {
    const rows = this.#parsing ? this.#scanCarry() : [];
    if (this.#elements.started) this.#elements.end();
    return rows;
  }

  /** Scans up to the chunk's last row boundary and switches to parsing if it really is one. */
  #pushScanned(chunk: Uint8Array): Row[] {
    const boundary = lastRowBoundary(chunk);
    if (boundary < 0) return this.#scan(chunk);
    const rows = this.#scan(chunk.subarray(0, boundary + 1));
    if (this.#elements.atNextElement) {
      this.#parsing = true;
      this.#hold(chunk.subarray(boundary + 1));
      return rows;
    }
    const rest = this.#scan(chunk.subarray(boundary + 1));
    return rows.length === 0 ? rest : rows.concat(rest);
  }

  #hold(bytes: Uint8Array): void {
    this.#carry = [bytes];
    this.#carryBytes = bytes.length;
  }

  /** Rows of the carried bytes and the chunk's bytes before `boundary`, or undefined if they do not parse. */
  #parseRun(chunk: Uint8Array, boundary: number): Row[] | undefined {
    let text = '[';
    for (const part of this.#carry) text += decoder.decode(part, STREAM);
    text += decoder.decode(chunk.subarray(0, boundary), STREAM);
    let values: unknown;
    try {
      values = JSON.parse(`${text}]`);
    } catch {
      return undefined;
    }
    if (!Array.isArray(values) || values.length === 0) return undefined;
    try {
      for (let i = 0; i < values.length; i++) values[i] = toRow(values[i]);
    } catch {
      return undefined; // scanned again, so that a broken array is reported before a non-object row
    }
    return values as Row[];
  }

  /** Scans the carried bytes (parsing stops). */
  #scanCarry(): Row[] {
    this.#parsing = false;
    const carry = this.#carry;
    this.#carry = [];
    this.#carryBytes = 0;
    const rows: Row[] = [];
    for (const part of carry) rows.push(...this.#scan(part));
    return rows;
  }

  /** Rows of the elements that `bytes` completes, scanned. */
  #scan(bytes: Uint8Array): Row[] {
    this.#elements.push(bytes);
    const spans = this.#spans;
    const rows = this.#rows;
    this.#rows = [];
    this.#spans = [];
    if (spans.length === 0) return rows;
    const count = spans.length / 2;
    let values: unknown;
    try {
      values = JSON.parse(`[${decoder.decode(bytes.subarray(spans[0], spans[spans.length - 1]), STREAM)}]`);
    } catch {
      values = undefined;
    }
    if (!Array.isArray(values) || values.length !== count) {
      // Parsed one by one, the broken element is found and named.
      values = Array.from({ length: count }, (_, i) =>
        parseElement(bytes.subarray(spans[2 * i], spans[2 * i + 1]), this.#firstPosition + i),
      );
    }
    for (const value of values as unknown[]) rows.push(toRow(value));
    return rows;
  }
}

/**
 * Where the last `}` `,` `{` (whitespace allowed around the comma) of the chunk has its comma, or
 * -1: where one row object likely ends and the next begins. Only likely: it may be inside a string.
 */
function lastRowBoundary(chunk: Uint8Array): number {
  let close = chunk.length;
  for (let tries = 0; tries < BOUNDARY_TRIES && close > 0; tries++) {
    close = chunk.lastIndexOf(CLOSE_OBJECT, close - 1);
    if (close < 0) return -1;
    let i = close + 1;
    while (isWhitespace(chunk[i])) i++;
    if (chunk[i] !== COMMA) continue;
    const comma = i++;
    while (isWhitespace(chunk[i])) i++;
    if (chunk[i] === OPEN_OBJECT) return comma;
  }
  return -1;
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function parseElement(bytes: Uint8Array, position: number): unknown {
  try {
    return JSON.parse(decoder.decode(bytes, STREAM));
  } catch (error) {
    throw new JsonArrayError(`row ${position} is not valid JSON: ${(error as Error).message}`);
  }
}
