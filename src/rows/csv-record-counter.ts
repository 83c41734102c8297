import { HAS_CONTENT, IN_QUOTES, recordKernel } from './csv-record-kernel.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts the records of a CSV export streamed in chunks, without parsing fields: the row count of
 * a multi-GB export costs little beside writing it (the CLI counts what `download --out` writes
 * this way). Quote-aware per RFC 4180: a newline inside a quoted field does not end a record, and
 * `""` toggles the quote state twice. Blank lines (also lines of nothing but `\r`) are not records,
 * as {@link CsvRecords} skips them too; an unterminated last line is. Chunks may split the text
 * anywhere, even inside `""` or between `\r` and `\n`. Memory: none beyond the counter.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { CsvRecordCounter } from 'khoros-care-analytics/rows';
 *
 * const counter = new CsvRecordCounter();
 * for await (const chunk of createReadStream('export.csv')) counter.push(chunk);
 * console.log(`${counter.rows} rows`);
 * ```
 */
export class CsvRecordCounter {
  #state = 0; // IN_QUOTES | HAS_CONTENT
  #completeRecords = 0;
  readonly #kernel = recordKernel();

  /** Counts the records that end in `chunk`, the next piece of the text. */
  push(chunk: Uint8Array): void {
    if (this.#kernel) {
      this.#completeRecords += this.#kernel.count(chunk, this.#state);
      this.#state = this.#kernel.state;
    } else {
      this.#scan(chunk);
    }
  }

  /** Records seen so far, the header included, counting an unterminated last line. */
  get records(): number {
    return this.#completeRecords + (this.#state & HAS_CONTENT ? 1 : 0);
  }

  /** Data rows: every record after the header. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }

  // Where WebAssembly SIMD is not available: the native `indexOf` jumps from newline to newline
  // and from quote to quote (the next quote's position is kept, so a line without one costs one
  // search), never through the fields byte by byte.
  #scan(chunk: Uint8Array): void {
    let inQuotes = (this.#state & IN_QUOTES) !== 0;
    let hasContent = (this.#state & HAS_CONTENT) !== 0;
    const length = chunk.length;
    let nextQuote = chunk.indexOf(QUOTE);
    let i = 0;
    while (i < length) {
      if (inQuotes) {
        if (nextQuote === -1) break; // the rest of the chunk is inside the quoted field
        inQuotes = false;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      const newline = chunk.indexOf(LF, i);
      const lineEnd = newline === -1 ? length : newline;
      if (nextQuote !== -1 && nextQuote < lineEnd) {
        inQuotes = true;
        hasContent = true;
        i = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, i);
        continue;
      }
      if (!hasContent && hasText(chunk, i, lineEnd)) hasContent = true;
      if (newline === -1) break;
      if (hasContent) this.#completeRecords++;
      hasContent = false;
      i = newline + 1;
    }
    this.#state = (inQuotes ? IN_QUOTES : 0) | (hasContent ? HAS_CONTENT : 0);
  }
}

/** Whether bytes [from, to) hold anything but carriage returns. */
function hasText(chunk: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (chunk[i] !== CR) return true;
  return false;
}
