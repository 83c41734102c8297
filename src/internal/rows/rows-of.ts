import type { DownloadResult } from '../download/download-report.js';
import { csvRows } from './csv-rows.js';
import { jsonRows } from './json-rows.js';
import type { Row } from './row.js';

/** Rows of a downloaded export, parsed as they stream in. */
export function rowsOf(download: DownloadResult): AsyncGenerator<Row> {
  return download.format === 'csv' ? csvRows(download.body) : jsonRows(download.body);
}
