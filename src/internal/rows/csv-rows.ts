import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parse } from 'csv-parse';
import type { Row } from './row.js';

/** CSV export → rows keyed by the header row, streamed through csv-parse. */
export async function* csvRows(body: ReadableStream<Uint8Array>): AsyncGenerator<Row> {
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true });
  // pipe() does not forward source errors; forward them so a cut download fails the loop.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser) yield record as Row;
  } finally {
    source.destroy();
    parser.destroy();
  }
}
