import { csvRows } from './csv-rows.js';
import { jsonRows } from './json-rows.js';
import type { Row } from './row.js';

/** Rows of a downloaded export (a `job.download()` result, or any body and its format), parsed as they stream in. */
export function rowsOf(download: {
  readonly body: ReadableStream<Uint8Array>;
  readonly format: 'json' | 'csv';
}): AsyncGenerator<Row> {
  return download.format === 'csv' ? csvRows(download.body) : jsonRows(download.body);
}
