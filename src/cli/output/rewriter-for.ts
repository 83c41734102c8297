import type { OutputFormat } from '../input/report-flags.js';
import type { ChunkRewriter } from './chunk-rewriter.js';
import { csvNdjsonRewriter } from './csv-ndjson-rewriter.js';
import { CsvRecordCounter } from './csv-record-counter.js';
import { JsonRowCounter } from './json-row-counter.js';
import { ndjsonRewriter } from './ndjson-rewriter.js';

/** A rewriter and the rows it has seen so far. */
export interface CountingRewriter extends ChunkRewriter {
  readonly rows: number;
}

/**
 * What stands between the download and the output: a row counter that passes the bytes on as they
 * are (csv, json), or an ndjson rewriter that counts the rows it writes. The same on the main
 * thread and on the rewrite worker.
 */
export function rewriterFor(produced: 'csv' | 'json', output: OutputFormat): CountingRewriter {
  let rows = 0;
  const onRow = () => {
    rows++;
  };
  if (output === 'ndjson') {
    const rewriter = produced === 'json' ? ndjsonRewriter(onRow) : csvNdjsonRewriter(onRow);
    return {
      push: (chunk) => rewriter.push(chunk),
      end: () => rewriter.end(),
      get rows() {
        return rows;
      },
    };
  }
  const counter = produced === 'csv' ? new CsvRecordCounter() : new JsonRowCounter();
  return {
    push(chunk) {
      counter.push(chunk);
      return chunk;
    },
    end: () => undefined,
    get rows() {
      return counter.rows;
    },
  };
}
