// Serialises an export: CSV (header + one line per row) or JSON (one array of flat objects whose
// values are all strings, as the vendor documents). Streams fixed-size chunks from a synchronous
// generator so a 1 GiB export needs constant memory; `generateRows` gives the same data as objects
// so tests can compare what a client parsed with what the sandbox meant to send.
import { CellWriter } from './cell-writer.js';
import { type Column, catalogue, cellHash, columnSalt, Op } from './columns.js';
import { ExportZone } from './dates.js';
import type { DataOptions, ReportParams, ReportType } from './params.js';
import { defaultDataOptions } from './params.js';
import { createRoster, type Roster } from './roster.js';
import { RowEncoder } from './row-encoder.js';
import { openCursor, type RowCursor } from './rows.js';
import { ByteWriter, encodeUtf8 } from './writer.js';

/** The file formats the sandbox exports. */
export type ExportFormat = 'csv' | 'json';
const CHUNK_BYTES = 64 * 1024;
/** Upper bound of one encoded value (the longest constant, a date or an integer is far shorter). */
const MAX_VALUE_BYTES = 256;

const csvText = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
const jsonText = (value: string): string => JSON.stringify(value).slice(1, -1);
const encoders = {
  csv: (value: string) => encodeUtf8(csvText(value)),
  json: (value: string) => encodeUtf8(jsonText(value)),
  raw: (value: string) => encodeUtf8(value),
};

const rosters = new Map<string, Roster>();
export function rosterOf(data: DataOptions): Roster {
  const key = `${data.seed}/${data.teams}/${data.agents}`;
  let roster = rosters.get(key);
  if (!roster) {
    roster = createRoster(data.seed, data.teams, data.agents);
    rosters.set(key, roster);
  }
  return roster;
}

/** The output columns: `reportMetrics` picks and orders them (case-insensitively; the requested
 * spelling is the header). A name the catalogue does not know still gets a column of generated
 * numbers, so integrations that use real vendor column names work against the sandbox. */
export function selectColumns(
  type: ReportType,
  metrics: readonly string[] | undefined,
): { name: string; column: Column }[] {
  const known = catalogue[type];
  if (!metrics?.length) return known.map((column) => ({ name: column.name, column }));
  return metrics.map((name) => {
    const column = known.find((c) => c.name.toLowerCase() === name.toLowerCase());
    return {
      name,
      column: column ?? {
        name,
        make: () => ({ op: Op.uint, a: 0, b: 100_000 }),
      },
    };
  });
}

interface Prepared {
  readonly names: string[];
  readonly cells: CellWriter;
  readonly salts: Int32Array;
  readonly cursor: RowCursor;
  readonly out: ByteWriter;
  readonly dates: ExportZone;
}

function prepare(
  type: ReportType,
  params: ReportParams,
  data: DataOptions,
  encoding: keyof typeof encoders,
  capacity: number,
): Prepared {
  const roster = rosterOf(data);
  const dates = new ExportZone(params);
  const env = { text: encoders[encoding], params, agents: roster.agents };
  const selected = selectColumns(type, params.reportMetrics);
  return {
    names: selected.map((s) => s.name),
    cells: new CellWriter(selected.map((s) => s.column.make(env))),
    salts: Int32Array.from(selected.map((s) => columnSalt(s.column.name))),
    // Only generateRows reads profile values from the cursor's row; the encoder keeps its own.
    cursor: openCursor(type, params, data, roster, encoding === 'raw'),
    out: new ByteWriter(capacity, dates),
    dates,
  };
}

/** Rows the export will contain, without generating them. */
export function countRows(
  type: ReportType,
  params: ReportParams,
  data: DataOptions = defaultDataOptions,
): number {
  return openCursor(type, params, data, rosterOf(data)).count;
}

/** The export's bytes as ~64 KiB chunks, generated lazily. */
export function* generateChunks(
  type: ReportType,
  params: ReportParams,
  data: DataOptions = defaultDataOptions,
  format: ExportFormat = params.reportFormat ?? 'json',
): Generator<Buffer> {
  const json = format === 'json';
  const names = selectColumns(type, params.reportMetrics).map((s) => s.name);
  // Every value is preceded by a fixed separator: for JSON the key and its quotes, for CSV a comma.
  const seps = names.map((name, i) =>
    encodeUtf8(json ? `${i === 0 ? '{' : '",'}${JSON.stringify(name)}:"` : i === 0 ? '' : ','),
  );
  const rowEnd = encodeUtf8(json ? (names.length ? '"}' : '{}') : '\n');
  const rowGap = encodeUtf8(json ? ',\n' : '');
  const rowMax = seps.reduce((sum, sep) => sum + sep.length + MAX_VALUE_BYTES, rowEnd.length + rowGap.length);
  const { cells, salts, cursor, out, dates } = prepare(
    type,
    params,
    data,
    format,
    CHUNK_BYTES + rowMax + 4096,
  );
  out.bytes(encodeUtf8(json ? '[' : `${names.map(csvText).join(',')}\n`));
  const encoder = new RowEncoder(cells, salts, seps, cursor, dates, rowGap, rowEnd);
  let more = cursor.next();
  if (more) {
    encoder.write(out);
    out.bytes(rowEnd);
  }
  while (more) {
    more = fillChunk(cursor, encoder, out);
    if (out.pos >= CHUNK_BYTES) yield out.take();
  }
  if (json) out.bytes(encodeUtf8(']'));
  if (out.pos > 0) yield out.take();
}

/** Writes rows until the chunk is full; false when the rows ran out. (The hot loop lives in a
 * plain function rather than in the generator body, which V8 optimises less readily.) */
function fillChunk(cursor: RowCursor, encoder: RowEncoder, out: ByteWriter): boolean {
  while (out.pos < CHUNK_BYTES) {
    if (!cursor.next()) return false;
    encoder.writeNext(out);
  }
  return true;
}

/** The same export as row objects (string values), for comparing with what a client parsed. */
export function generateRows(
  type: ReportType,
  params: ReportParams,
  data: Partial<DataOptions> = {},
): Record<string, string>[] {
  const { names, cells, salts, cursor, out } = prepare(
    type,
    params,
    { ...defaultDataOptions, ...data },
    'raw',
    4096,
  );
  const rows: Record<string, string>[] = [];
  while (cursor.next()) {
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      out.pos = 0;
      cells.write(
        i,
        cursor.row,
        cellHash(cells.op(i), cursor.row.key, salts[i] as number, cursor.profiled),
        out,
      );
      record[name] = out.buf.toString('utf8', 0, out.pos);
    });
    rows.push(record);
  }
  return rows;
}

/** The export's byte length, found by generating it once without keeping it. Yields to the event
 * loop between chunks so a large export does not stall the servers; stops when `signal` aborts. */
export async function measureExport(chunks: Iterable<Buffer>, signal?: AbortSignal): Promise<number> {
  let total = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    total += chunk.length;
    if (++sinceYield === 16) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  }
  return total;
}
