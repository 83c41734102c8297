// rows() throughput for json and csv exports, as ratios against baselines measured in the same
// run on the same bytes: reading the stream without parsing, and JSON.parse of the whole body
// (the fastest possible, but memory-hungry, way to get rows out of a JSON export).
import { parse } from 'csv-parse';
import { csvRows } from '../../src/rows/csv-rows.js';
import { jsonRows } from '../../src/rows/json-rows.js';

const TARGET_MB = Number(process.env.BENCH_MB ?? 64);
const CHUNK = 64 * 1024;
const columns = [
  'CONVERSATION_ID',
  'STATUS',
  'ASSIGNED_AGENT_DISPLAY_ID',
  'agent_name',
  'agent_email',
  'CREATED_AT',
  'PRIORITY',
  'NOTE',
];

function makeRow(i: number): Record<string, string> {
  return {
    CONVERSATION_ID: String(100000 + i),
    STATUS: i % 3 ? 'CLOSED' : 'OPEN',
    ASSIGNED_AGENT_DISPLAY_ID: `agent-${i % 97}`,
    agent_name: `Agent Ñame ${i % 97}`,
    agent_email: `agent${i % 97}@example.com`,
    CREATED_AT: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    PRIORITY: String(i % 6),
    NOTE: i % 5 ? 'short note' : 'a "quoted", longer note with commas, and unicode ✓',
  };
}

function buildBodies(): { json: Uint8Array; csv: Uint8Array; rows: number } {
  const jsonParts: string[] = [];
  const csvParts: string[] = [columns.join(',')];
  let size = 0;
  let rows = 0;
  while (size < TARGET_MB * 1024 * 1024) {
    const row = makeRow(rows++);
    const json = JSON.stringify(row);
    jsonParts.push(json);
    csvParts.push(
      columns
        .map((c) => row[c] ?? '')
        .map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
        .join(','),
    );
    size += json.length;
  }
  const encoder = new TextEncoder();
  return {
    json: encoder.encode(`[${jsonParts.join(',')}]`),
    csv: encoder.encode(`${csvParts.join('\n')}\n`),
    rows,
  };
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

/** Best of three runs: on a shared machine the best run is the one least disturbed. */
async function time(label: string, bytes: number, run: () => Promise<number>): Promise<number> {
  let best = 0;
  let count = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = process.hrtime.bigint();
    count = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, bytes / 1024 / 1024 / seconds);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(1).padStart(8)} MB/s  (${count} items)`);
  return best;
}

async function countRows(rows: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

const { json, csv, rows } = buildBodies();
console.log(
  `${rows} rows; json ${(json.byteLength / 1e6).toFixed(0)} MB, csv ${(csv.byteLength / 1e6).toFixed(0)} MB`,
);
const rawJson = await time('baseline: raw stream read (json)', json.byteLength, () =>
  countRows(streamOf(json) as unknown as AsyncIterable<unknown>),
);
const parseAll = await time(
  'baseline: JSON.parse whole body',
  json.byteLength,
  async () => (JSON.parse(new TextDecoder().decode(json)) as unknown[]).length,
);
const streamed = await time('rows() json (element framing + JSON.parse)', json.byteLength, () =>
  countRows(jsonRows(streamOf(json))),
);
const rawCsv = await time('baseline: raw stream read (csv)', csv.byteLength, () =>
  countRows(streamOf(csv) as unknown as AsyncIterable<unknown>),
);
const csvAlone = await time('baseline: csv-parse alone', csv.byteLength, async () => {
  let n = 0;
  const parser = parse({ columns: true }).on('data', () => n++);
  const done = new Promise((resolve) => parser.on('end', resolve));
  for (let i = 0; i < csv.byteLength; i += CHUNK) parser.write(csv.subarray(i, i + CHUNK));
  parser.end();
  await done;
  return n;
});
const csvParsed = await time('rows() csv (csv-records.ts: papaparse core)', csv.byteLength, () =>
  countRows(csvRows(streamOf(csv))),
);

const jsonVsParse = streamed / parseAll;
console.log(
  `\njson rows() / JSON.parse: ${jsonVsParse.toFixed(3)}   json rows() / raw read: ${(streamed / rawJson).toFixed(4)}`,
);
const csvVsLibrary = csvParsed / csvAlone;
console.log(
  `csv rows() / csv-parse alone: ${csvVsLibrary.toFixed(3)}   csv rows() / raw read: ${(csvParsed / rawCsv).toFixed(4)}`,
);
// Targets: streaming in constant memory may cost up to ~3x against JSON.parse of the whole body
// (which needs the body and all rows in memory; framing elements and parsing each measured ~0.73
// on a busy 2-core box, the streaming tokenizer it replaced ~0.2). csv rows() replaced csv-parse
// for speed (rows() through csv-parse ran at ~0.74× csv-parse alone): it must stay at least twice
// as fast as csv-parse on its own, the library it replaced and the baseline here.
const JSON_TARGET = 0.3;
const CSV_TARGET = 2;
const failures = [
  jsonVsParse < JSON_TARGET && `json rows() below ${JSON_TARGET} × JSON.parse`,
  csvVsLibrary < CSV_TARGET && `csv rows() below ${CSV_TARGET} × csv-parse alone`,
].filter(Boolean);
if (failures.length) {
  console.log(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`OK: json rows() ≥ ${JSON_TARGET} × JSON.parse, csv rows() ≥ ${CSV_TARGET} × csv-parse alone`);
