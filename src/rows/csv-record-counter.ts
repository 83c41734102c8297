import { HAS_CONTENT, recordKernel } from './csv-record-kernel.js';
import { recordScan } from './csv-record-scan.js';

/**
 * Counts the records of a CSV export streamed in chunks, without parsing fields: the row count of
 * a multi-GB export costs little beside writing it (the CLI counts what `download --out` writes
 * this way). Quote-aware per RFC 4180: a newline inside a quoted field does not end a record, and
 * `""` toggles the quote state twice. Blank lines (also lines of nothing but `\r`) are not records,
 * as {@link CsvRecords} skips them too; an unterminated last line is. Chunks may split the text
 * anywhere, even inside `""` or between `\r` and `\n`. Memory: 128 KiB, shared by all counters.
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
  readonly #kernel = recordKernel() ?? recordScan;

  /** Counts the records that end in `chunk`, the next piece of the text. */
  push(chunk: Uint8Array): void {
    this.#completeRecords += this.#kernel.count(chunk, this.#state);
    this.#state = this.#kernel.state;
  }

  /** Records seen so far, the header included, counting an unterminated last line. */
  get records(): number {
    return this.#completeRecords + (this.#state & HAS_CONTENT ? 1 : 0);
  }

  /** Data rows: every record after the header. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }
}
