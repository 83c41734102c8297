import { JsonArrayError } from '../../index.js';
import { JsonArrayFramer } from '../../rows/index.js';
import type { ChunkRewriter } from './chunk-rewriter.js';

const OPEN_OBJECT = 0x7b;
const COMMA = 0x2c;
const LF = 0x0a;
const NEWLINE = Buffer.from('\n');

/**
 * Rewrites the API's json export (one array of row objects) as newline-delimited JSON while it
 * streams, one chunk in memory at a time. Rows are re-framed, not re-serialized: the bytes of each
 * element are kept as they came, which runs at disk speed where a full parse and re-stringify
 * runs at ~20 MB/s. The array structure is checked by the framer, and every element must be an
 * object; a row the service pretty-printed across lines is re-serialized so that every output
 * line is one row.
 */
export function ndjsonRewriter(onRow: () => void): ChunkRewriter {
  // Rows that follow each other with a single comma between them (a compact export) form a stretch
  // of the chunk, written as it is once its commas are overwritten with newlines: no copy and no
  // new buffer per chunk, whose garbage cost more than the scan. The framer has passed a comma
  // before it reports the row after it, so editing the chunk behind it is safe.
  let pieces: Uint8Array[] = [];
  let stretchChunk: Uint8Array = NEWLINE;
  let stretchStart = -1;
  let stretchEnd = 0; // where its last row ends
  const endStretch = () => {
    if (stretchStart < 0) return;
    if (stretchChunk[stretchEnd] === COMMA) {
      stretchChunk[stretchEnd] = LF;
      pieces.push(stretchChunk.subarray(stretchStart, stretchEnd + 1));
    } else {
      pieces.push(stretchChunk.subarray(stretchStart, stretchEnd), NEWLINE);
    }
    stretchStart = -1;
  };
  const framer = new JsonArrayFramer((chunk, spans, from, to, first) => {
    for (let k = from; k < to; k++) {
      const start = spans[2 * k] as number;
      const end = spans[2 * k + 1] as number;
      const whole = k === from ? first : undefined;
      if (!whole && chunk[start] === OPEN_OBJECT && (end & 1) === 0) {
        if (stretchStart >= 0 && start === stretchEnd + 1 && chunk === stretchChunk) {
          chunk[stretchEnd] = LF;
        } else {
          endStretch();
          stretchChunk = chunk;
          stretchStart = start;
        }
        stretchEnd = end >>> 1;
        onRow();
        continue;
      }
      endStretch();
      const bytes = whole ?? chunk.subarray(start, end >>> 1);
      if (bytes[0] !== OPEN_OBJECT) {
        throw fail(`a row is not an object at '${String.fromCharCode(bytes[0] ?? 0)}'`);
      }
      pieces.push((end & 1) === 1 ? reserialize(bytes) : bytes, NEWLINE);
      onRow();
    }
  });
  return {
    push(chunk) {
      try {
        framer.push(chunk);
      } catch (error) {
        throw explain(error);
      }
      endStretch();
      const rows = pieces;
      pieces = [];
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
