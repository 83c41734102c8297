import { JsonArrayError } from '../errors/json-array-error.js';
import { BatchedRows } from './batched-rows.js';
import { JsonArrayElements } from './json-array-elements.js';
import { type Row, toRow } from './row.js';

const decoder = new TextDecoder();

/** JSON export → its rows, one by one, from the batches of {@link jsonRowBatches}. */
export function jsonRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row, void, undefined> {
  return new BatchedRows(async () => jsonRowBatches(body));
}

/**
 * JSON export (one top-level array of flat objects) → one batch of rows per chunk, streamed:
 * JsonArrayElements frames the elements as their bytes come in, and the run of elements a chunk
 * completes is decoded and parsed in one go (`JSON.parse` of `[` + run + `]`: the bytes between
 * framed elements are commas and whitespace), so memory holds one chunk and its rows however large
 * the export. An element that began in an earlier chunk is parsed on its own. An empty body is an
 * export without rows.
 */
export async function* jsonRowBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<Row[]> {
  const batch = new ChunkBatch();
  const elements = new JsonArrayElements((bytes, _multiline, startInChunk) => {
    if (startInChunk < 0) batch.rows.push(toRow(parseElement(bytes, elements.count)));
    else batch.add(startInChunk, startInChunk + bytes.length, elements.count);
  });
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    elements.push(chunk);
    const rows = batch.take(chunk);
    if (rows.length > 0) yield rows;
  }
  if (elements.started) elements.end();
}

/** The elements one chunk completes: where they are in the chunk, parsed together at the end. */
class ChunkBatch {
  rows: Row[] = [];
  #spans: number[] = []; // start, end, start, end… in the chunk
  #firstPosition = 0;

  add(start: number, end: number, position: number): void {
    if (this.#spans.length === 0) this.#firstPosition = position;
    this.#spans.push(start, end);
  }

  take(chunk: Uint8Array): Row[] {
    const spans = this.#spans;
    const rows = this.rows;
    this.rows = [];
    this.#spans = [];
    if (spans.length === 0) return rows;
    const count = spans.length / 2;
    let values: unknown;
    try {
      values = JSON.parse(`[${decoder.decode(chunk.subarray(spans[0], spans[spans.length - 1]))}]`);
    } catch {
      values = undefined;
    }
    if (!Array.isArray(values) || values.length !== count) {
      // Parsed one by one, the broken element is found and named.
      values = Array.from({ length: count }, (_, i) =>
        parseElement(chunk.subarray(spans[2 * i], spans[2 * i + 1]), this.#firstPosition + i),
      );
    }
    for (const value of values as unknown[]) rows.push(toRow(value));
    return rows;
  }
}

function parseElement(bytes: Uint8Array, position: number): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new JsonArrayError(`row ${position} is not valid JSON: ${(error as Error).message}`);
  }
}
