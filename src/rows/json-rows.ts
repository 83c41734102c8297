import { JsonArrayError } from '../errors/json-array-error.js';
import { JsonArrayElements } from './json-array-elements.js';
import { type Row, toRow } from './row.js';

const decoder = new TextDecoder();

/**
 * JSON export (one top-level array of flat objects) → rows, streamed: each element is framed by
 * JsonArrayElements as soon as its bytes are in and parsed on its own, so memory holds one chunk
 * and its rows however large the export. An empty body is an export without rows.
 */
export async function* jsonRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row> {
  let pending: Row[] = [];
  const elements = new JsonArrayElements((bytes) => {
    pending.push(toRow(parseElement(bytes, elements.count)));
  });
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    elements.push(chunk);
    if (pending.length === 0) continue;
    const ready = pending;
    pending = [];
    yield* ready;
  }
  if (elements.started) elements.end();
}

function parseElement(bytes: Uint8Array, position: number): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new JsonArrayError(`row ${position} is not valid JSON: ${(error as Error).message}`);
  }
}
