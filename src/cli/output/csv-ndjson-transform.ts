import { Transform } from 'node:stream';
import { CsvFormatError } from '../../index.js';
import { CsvRecords, type Row } from '../../rows/index.js';

/**
 * Rewrites a csv export as newline-delimited JSON while it streams, one object per row keyed by
 * the header, through the same reader as the client's rows(). Rows of one input chunk are pushed
 * as one string: a push per row costs more than the parse.
 */
export function csvNdjsonTransform(onRow: () => void): Transform {
  const decoder = new TextDecoder();
  const records = new CsvRecords();
  const lines = (rows: Row[]): string => {
    let text = '';
    for (const row of rows) {
      text += `${JSON.stringify(row)}\n`;
      onRow();
    }
    return text;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const text = lines(records.push(decoder.decode(chunk, { stream: true })));
        callback(null, text || undefined);
      } catch (error) {
        callback(explain(error));
      }
    },
    flush(callback) {
      try {
        const text = lines([...records.push(decoder.decode()), ...records.end()]);
        callback(null, text || undefined);
      } catch (error) {
        callback(explain(error));
      }
    },
  });
}

function explain(error: unknown): Error {
  return error instanceof CsvFormatError
    ? new Error(`${error.message}; nothing was written`)
    : (error as Error);
}
