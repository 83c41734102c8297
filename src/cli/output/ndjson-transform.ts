import { Transform } from 'node:stream';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  JsonStringSkipper,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './json-bytes.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const NEWLINE = Buffer.from('\n');

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === LF || byte === CR || byte === 0x09;
}

/**
 * Rewrites the API's json export (one array of row objects) as newline-delimited JSON while it
 * streams, one row in memory at a time. Rows are re-framed, not re-serialized: the bytes of each
 * element are copied as they came, which runs at disk speed where a full parse and re-stringify
 * runs at ~20 MB/s. The array structure is checked (an opening `[`, object rows, a closing `]`,
 * nothing after it, nothing cut short); a row the service pretty-printed across lines is
 * re-serialized so that every output line is one row.
 */
export function ndjsonTransform(onRow: () => void): Transform {
  let state: 'before' | 'between' | 'inRow' | 'after' = 'before';
  let depth = 0;
  const strings = new JsonStringSkipper();
  let rowHasNewline = false;
  let rowParts: Buffer[] = [];
  let rowStart = 0;

  const reserialize = (bytes: Buffer) => {
    try {
      return Buffer.from(JSON.stringify(JSON.parse(bytes.toString('utf8'))));
    } catch {
      throw fail('a row spread over several lines is not valid JSON');
    }
  };
  const fail = (problem: string) =>
    new Error(`the json export is not a JSON array of rows (${problem}); nothing was written`);

  // Rows of one input chunk are pushed as one buffer: a push per row costs more than the scan.
  let output: Buffer[] = [];
  const emitRow = (chunk: Buffer, end: number) => {
    rowParts.push(chunk.subarray(rowStart, end));
    const bytes = rowParts.length === 1 ? (rowParts[0] as Buffer) : Buffer.concat(rowParts);
    rowParts = [];
    output.push(rowHasNewline ? reserialize(bytes) : bytes, NEWLINE);
    rowHasNewline = false;
    onRow();
  };
  const flushOutput = (transform: Transform) => {
    if (output.length > 0) transform.push(Buffer.concat(output));
    output = [];
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        scan(this, chunk);
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
    flush(callback) {
      callback(state === 'after' ? null : fail('it ends before its closing ]'));
    },
  });

  /** Frames the rows of one chunk; throws on a broken array. */
  function scan(transform: Transform, chunk: Buffer): void {
    strings.startChunk();
    let i = 0;
    rowStart = 0;
    while (i < chunk.length) {
      if (strings.inString) {
        i = strings.skip(chunk, i);
        continue;
      }
      const byte = chunk[i];
      if (state === 'inRow') {
        if (byte === QUOTE) strings.inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
        else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          if (--depth === 0) {
            emitRow(chunk, i + 1);
            state = 'between';
          }
        } else if (byte === LF || byte === CR) rowHasNewline = true;
      } else if (isWhitespace(byte)) {
        // Between tokens.
      } else if (state === 'before') {
        if (byte !== OPEN_ARRAY) throw fail('it does not start with [');
        state = 'between';
      } else if (state === 'between') {
        if (byte === OPEN_OBJECT) {
          state = 'inRow';
          depth = 1;
          rowStart = i;
        } else if (byte === CLOSE_ARRAY) {
          state = 'after';
        } else if (byte !== COMMA) {
          throw fail(`a row is not an object at '${String.fromCharCode(byte ?? 0)}'`);
        }
      } else {
        throw fail('there is data after the closing ]');
      }
      i++;
    }
    // A row that goes on in the next chunk keeps its bytes (subarrays share the chunk's memory).
    if (state === 'inRow') rowParts.push(chunk.subarray(rowStart));
    flushOutput(transform);
  }
}
