import { CsvRecords } from './csv-records.js';
import type { Row } from './row.js';

/** CSV export → rows keyed by the header row, streamed: memory holds one chunk and its rows. */
export async function* csvRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row> {
  // stream: true keeps a character split across chunks whole.
  const decoder = new TextDecoder();
  const records = new CsvRecords();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    yield* records.push(decoder.decode(chunk, { stream: true }));
  }
  yield* records.push(decoder.decode());
  yield* records.end();
}
