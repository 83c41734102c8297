import { JsonArrayError } from '../../index.js';
import { JsonArrayFramer } from '../../rows/json-array-framer.js';
import type { ChunkRewriter } from './chunk-rewriter.js';

const OPEN_OBJECT = 0x7b;
const NEWLINE = Buffer.from('\n');

/**
 * Rewrites the API's json export (one array of row objects) as newline-delimited JSON while it
 * streams, one chunk in memory at a time. Rows are re-framed, not re-serialized: the bytes of each
 * element are copied as they came, which runs at disk speed where a full parse and re-stringify
 * runs at ~20 MB/s. The array structure is checked by the framer, and every element must be an
 * object; a row the service pretty-printed across lines is re-serialized so that every output
 * line is one row.
 */
export function ndjsonRewriter(onRow: () => void): ChunkRewriter {
  // The rows of one input chunk are written as one buffer: a write per row costs more than the
  // scan. Runs of rows copied as they came are gathered by the framer in one go (in the kernel's
  // memory where it runs), not row by row.
  let output: Uint8Array[] = [];
  const framer = new JsonArrayFramer((chunk, spans, from, to, first) => {
    let copied = from;
    for (let k = from; k < to; k++) {
      const start = spans[2 * k] as number;
      const end = spans[2 * k + 1] as number;
      const whole = k === from ? first : undefined;
      if (!whole && chunk[start] === OPEN_OBJECT && (end & 1) === 0) {
        onRow();
        continue;
      }
      if (copied < k) output.push(framer.linesOf(chunk, spans, copied, k));
      copied = k + 1;
      const bytes = whole ?? chunk.subarray(start, end >>> 1);
      if (bytes[0] !== OPEN_OBJECT) {
        throw fail(`a row is not an object at '${String.fromCharCode(bytes[0] ?? 0)}'`);
      }
      output.push((end & 1) === 1 ? reserialize(bytes) : bytes, NEWLINE);
      onRow();
    }
    if (copied < to) output.push(framer.linesOf(chunk, spans, copied, to));
  });
  return {
    push(chunk) {
      try {
        framer.push(chunk);
      } catch (error) {
        throw explain(error);
      }
      // One copy, which the runs gathered in the kernel's memory also need before the next push.
      const rows = output.length > 0 ? Buffer.concat(output) : undefined;
      output = [];
      return rows;
    },
    end() {
      try {
        framer.end();
      } catch (error) {
        throw explain(error);
      }
      return undefined;
    },
  };
}

function reserialize(bytes: Uint8Array): Buffer {
  try {
    return Buffer.from(JSON.stringify(JSON.parse(Buffer.from(bytes).toString('utf8'))));
  } catch {
    throw fail('a row spread over several lines is not valid JSON');
  }
}

function explain(error: unknown): Error {
  return error instanceof JsonArrayError ? fail(error.problem) : (error as Error);
}

function fail(problem: string): Error {
  return new Error(`the json export is not a JSON array of rows (${problem}); nothing was written`);
}
