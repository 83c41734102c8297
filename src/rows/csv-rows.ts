import { BatchedRows } from './batched-rows.js';
import type { Row } from './row.js';

/** CSV export → its rows, one by one, from the batches of {@link csvRowBatches}. */
export function csvRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row, void, undefined> {
  return new BatchedRows(async () => csvRowBatches(body));
}

/** CSV export → one batch of rows per chunk, streamed: memory holds one chunk and its rows. */
export async function* csvRowBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<Row[]> {
  // Loaded here, not at the top: papaparse is most of the client's weight, and only csv rows need it.
  const { CsvRecords } = await import('./csv-records.js');
  // stream: true keeps a character split across chunks whole.
  const decoder = new TextDecoder();
  const records = new CsvRecords();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    const rows = records.push(decoder.decode(chunk, { stream: true }));
    if (rows.length > 0) yield rows;
  }
  const rest = [...records.push(decoder.decode()), ...records.end()];
  if (rest.length > 0) yield rest;
}
