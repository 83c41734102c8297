import type { DownloadResult } from '../download/download-report.js';
import { BatchedRows } from './batched-rows.js';
import { csvRowBatches } from './csv-rows.js';
import { jsonRowBatches } from './json-rows.js';
import type { Row } from './row.js';

/** Rows of the export `download` opens (on the first `next()`), parsed as they stream in. */
export function rowsOf(download: () => Promise<DownloadResult>): AsyncGenerator<Row, void, undefined> {
  return new BatchedRows(async () => {
    const { format, body } = await download();
    return format === 'csv' ? csvRowBatches(body) : jsonRowBatches(body);
  });
}
