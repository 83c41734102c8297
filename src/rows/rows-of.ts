import { BatchedRows } from './batched-rows.js';
import { csvRowBatches } from './csv-rows.js';
import { jsonRowBatches } from './json-rows.js';
import type { Row } from './row.js';

/** An export body and its format (a `job.download()` result, or any body). */
export interface ExportSource {
  readonly body: ReadableStream<Uint8Array>;
  readonly format: 'json' | 'csv';
}

/** Rows of a downloaded export (a `job.download()` result, or any body and its format), parsed as they stream in. */
export function rowsOf(download: ExportSource): AsyncGenerator<Row, void, undefined> {
  return new BatchedRows(async () => rowBatchesOf(download));
}

/** The batches (one per chunk) behind rowsOf, for a reader that opens the download itself. */
export function rowBatchesOf(download: ExportSource): AsyncGenerator<Row[]> {
  return download.format === 'csv' ? csvRowBatches(download.body) : jsonRowBatches(download.body);
}
