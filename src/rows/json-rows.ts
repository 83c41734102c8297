import { BatchedRows } from './batched-rows.js';
import { JsonRowReader } from './json-row-reader.js';
import type { Row } from './row.js';

/** JSON export → its rows, one by one, from the batches of {@link jsonRowBatches}. */
export function jsonRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row, void, undefined> {
  return new BatchedRows(async () => jsonRowBatches(body));
}

/**
 * JSON export (one top-level array of flat objects) → one batch of rows per chunk, streamed by
 * {@link JsonRowReader}: memory holds one chunk and its rows however large the export.
 */
export async function* jsonRowBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<Row[]> {
  const reader = new JsonRowReader();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    const rows = reader.push(chunk);
    if (rows.length > 0) yield rows;
  }
  const rows = reader.end();
  if (rows.length > 0) yield rows;
}
