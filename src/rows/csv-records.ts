import Papa from 'papaparse';
import { CsvFormatError } from '../errors/csv-format-error.js';
import type { Row } from './row.js';
import { type RowFactory, rowFactory } from './row-factory.js';

// The one reader of the CSV export format, shared by the client's rows() and the CLI's ndjson
// writer. Text goes in chunk by chunk; rows keyed by the header come out as soon as they are
// whole. papaparse's core Parser does the RFC 4180 work, about 5× faster than csv-parse
// (`npm run bench`). It is driven here rather than through Papa.parse's streaming modes, whose
// errors are a list beside the rows (the Node stream mode drops them) and whose resume after a
// pause is retried on a timer: here the unfinished last row of each chunk is kept and parsed
// again with the next, and any error is thrown.

/**
 * Splits streamed CSV text into rows, strictly: quotes must close, every row must have as many
 * fields as the header. A leading BOM and blank lines are skipped; the line break (`\n` or
 * `\r\n`) is the one the header row ends with.
 */
export class CsvRecords {
  #parser: Papa.Parser | undefined;
  #header: readonly string[] | undefined;
  #makeRow: RowFactory | undefined;
  /** Text of the row still incomplete at the end of the last chunk. */
  #pending = '';
  /** Records seen so far, the header included (for error messages). */
  #records = 0;

  /** Rows completed by `text`. */
  push(text: string): Row[] {
    const input = this.#withPending(text);
    // A chunk without a line break cannot complete a row: parsing the row again every chunk
    // would make one long field cost quadratic time.
    if (!text.includes('\n')) {
      this.#pending = input;
      return [];
    }
    const result = this.#parserFor(input).parse(input, 0, true) as Papa.ParseResult<string[]>;
    this.#pending = input.slice(result.meta.cursor);
    return this.#rows(result, true);
  }

  /** Rows of the text left at the end; throws if it ends inside a quoted field. */
  end(): Row[] {
    const input = this.#withPending('');
    this.#pending = '';
    if (input === '') return [];
    return this.#rows(this.#parserFor(input).parse(input, 0, false) as Papa.ParseResult<string[]>, false);
  }

  /** The unfinished row and `text`, without the BOM the export may start with. */
  #withPending(text: string): string {
    const input = this.#pending + text;
    return !this.#parser && input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }

  #parserFor(input: string): Papa.Parser {
    if (this.#parser) return this.#parser;
    const lf = input.indexOf('\n');
    const newline = lf > 0 && input[lf - 1] === '\r' ? '\r\n' : '\n';
    this.#parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    return this.#parser;
  }

  #rows(result: Papa.ParseResult<string[]>, more: boolean): Row[] {
    // With more to come, an error in the row left unfinished is not final: it is parsed again.
    const error = result.errors.find((e) => !more || (e.row ?? 0) < result.data.length);
    if (error) {
      const at = this.#records + (error.row ?? 0) + 1;
      throw new CsvFormatError(`${error.message.toLowerCase()} in record ${at}`);
    }
    const rows: Row[] = [];
    for (const fields of result.data) {
      if (fields.length === 1 && fields[0] === '') continue;
      this.#records++;
      if (!this.#header) {
        this.#header = fields;
        this.#makeRow = rowFactory(fields);
      } else rows.push(this.#row(fields));
    }
    return rows;
  }

  #row(fields: readonly string[]): Row {
    const header = this.#header as readonly string[];
    if (fields.length !== header.length) {
      throw new CsvFormatError(
        `record ${this.#records} has ${fields.length} fields, the header has ${header.length}`,
      );
    }
    return (this.#makeRow as RowFactory)(fields);
  }
}
