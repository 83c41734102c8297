import { JsonArrayFramer } from './json-array-framer.js';

// The one reader of the JSON export format, shared by the client's rows() and the CLI's row
// counter and ndjson writer. It frames the elements of the top-level array by scanning bytes
// (strings, escapes, nesting) instead of parsing them (JsonArrayFramer), so framing runs several
// times faster than JSON.parse and the elements can then be JSON.parse'd in runs — far faster than
// a streaming tokenizer, in memory bounded by one chunk.

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
  readonly #framer: JsonArrayFramer;
  /** While handlers run for a run of elements: the count up to the element being handled. */
  #handled: number | undefined;

  /** Without a handler the reader only counts, keeping no element bytes. */
  constructor(onElement?: ElementHandler) {
    this.#framer = new JsonArrayFramer(
      onElement &&
        ((chunk, spans, from, to, first) => {
          // A copy: a handler may push another reader through the same kernel memory.
          const run = spans.slice(2 * from, 2 * to);
          let position = this.#framer.count - (to - from);
          // A handler that throws leaves the count at its element, as one called per element would.
          for (let k = 0; k < run.length; k += 2) {
            this.#handled = ++position;
            const start = run[k] as number;
            const end = (run[k + 1] as number) >>> 1;
            const multiline = ((run[k + 1] as number) & 1) === 1;
            if (k === 0 && first) onElement(first, multiline, -1);
            else onElement(chunk.subarray(start, end), multiline, start);
          }
          this.#handled = undefined;
        }),
    );
  }

  /** Elements completed so far. */
  get count(): number {
    return this.#handled ?? this.#framer.count;
  }

  /** Whether anything but whitespace has arrived (an all-whitespace body holds no array). */
  get started(): boolean {
    return this.#framer.started;
  }

  /** Whether the reader has just passed a comma between elements (and any whitespace after it). */
  get atNextElement(): boolean {
    return this.#framer.atNextElement;
  }

  /**
   * Moves past `byteLength` bytes that were not pushed, which the caller has checked hold
   * `elements` whole elements, each followed by its comma (`JSON.parse` of `[` + the bytes before
   * the last comma + `]` gave that many elements): a reader that parses rows anyway need not scan
   * them. Only {@link atNextElement}, and the reader is at a next element again afterwards.
   */
  skipElements(byteLength: number, elements: number): void {
    this.#framer.skipElements(byteLength, elements);
  }

  /** Scans one chunk, calling the handler for every element it completes; throws on a broken array. */
  push(chunk: Uint8Array): void {
    this.#framer.push(chunk);
  }

  /** Checks that the array was closed: a body cut short is an error, never a short read. */
  end(): void {
    this.#framer.end();
  }
}
