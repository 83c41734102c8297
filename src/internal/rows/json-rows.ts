import { JSONParser } from '@streamparser/json';
import { type Row, toRow } from './row.js';

const WHITESPACE = new Set([0x20, 0x0a, 0x0d, 0x09, 0xef, 0xbb, 0xbf]);

/**
 * JSON export (one top-level array of flat objects) → rows, streamed: each element is emitted as
 * soon as it is complete and dropped from the parser (`keepStack: false`), so memory stays flat
 * however large the export.
 */
export async function* jsonRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let pending: Row[] = [];
  let failure: unknown;
  let checkedStart = false;
  parser.onValue = ({ value }) => {
    pending.push(toRow(value));
  };
  parser.onError = (error) => {
    failure ??= error;
  };
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    if (!checkedStart) {
      const first = chunk.find((byte) => !WHITESPACE.has(byte));
      if (first !== undefined) {
        checkedStart = true;
        if (first !== 0x5b) throw new SyntaxError('The JSON export is not an array of rows');
      }
    }
    parser.write(chunk);
    if (failure) throw failure;
    const ready = pending;
    pending = [];
    yield* ready;
  }
  if (!checkedStart) return; // an empty body: no rows
  // The parser ends by itself after the closing `]`; if it has not, the body was cut short.
  if (!parser.isEnded) parser.end();
  if (failure) throw failure;
  yield* pending;
}
