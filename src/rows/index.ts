// `khoros-care-analytics/rows`: the readers behind `job.rows()`, for exports that arrive some
// other way (a file on disk, another HTTP client). Each streams: memory holds one chunk and its rows.
export { CsvRecordCounter } from './csv-record-counter.js';
export { CsvRecords } from './csv-records.js';
export { csvRows } from './csv-rows.js';
export { type ElementHandler, JsonArrayElements } from './json-array-elements.js';
export { JsonArrayFramer, type SpansHandler } from './json-array-framer.js';
export { jsonRows } from './json-rows.js';
export { type Row, toRow } from './row.js';
export { rowsOf } from './rows-of.js';
