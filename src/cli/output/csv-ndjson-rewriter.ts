import { CsvFormatError } from '../../index.js';
import { CsvRecords, type Row } from '../../rows/index.js';
import type { ChunkRewriter } from './chunk-rewriter.js';
import { jsonLines } from './json-lines.js';

/**
 * Rewrites a csv export as newline-delimited JSON while it streams, one object per row keyed by
 * the header, through the same reader as the client's rows(). Rows of one input chunk are written
 * as one buffer: a write per row costs more than the parse.
 */
export function csvNdjsonRewriter(onRow: () => void): ChunkRewriter {
  const decoder = new TextDecoder();
  const records = new CsvRecords();
  const lineOf = jsonLines();
  const lines = (rows: Row[]): Buffer | undefined => {
    let text = '';
    for (const row of rows) {
      text += `${lineOf(row)}\n`;
      onRow();
    }
    return text ? Buffer.from(text) : undefined;
  };
  return {
    push(chunk) {
      try {
        return lines(records.push(decoder.decode(chunk, { stream: true })));
      } catch (error) {
        throw explain(error);
      }
    },
    end() {
      try {
        return lines([...records.push(decoder.decode()), ...records.end()]);
      } catch (error) {
        throw explain(error);
      }
    },
  };
}

function explain(error: unknown): Error {
  return error instanceof CsvFormatError
    ? new Error(`${error.message}; nothing was written`)
    : (error as Error);
}
