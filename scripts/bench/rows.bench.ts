// rows() throughput from a file-speed source, against baselines on the same bytes in the same run:
// json rows() against JSON.parse of the whole body (the fastest way to get rows out of a JSON
// export, but it holds the body and every row in memory), the json array scanner alone against a
// native search of the same bytes, csv rows() against papaparse with
// `header` + `step` (the library's own row-by-row mode). Peak RSS of json rows() over a 200 MB
// body is measured in a child process, whose resident size is nothing but the reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { csvRows } from '../../src/rows/csv-rows.js';
import { JsonArrayElements } from '../../src/rows/json-array-elements.js';
import { jsonRows } from '../../src/rows/json-rows.js';
import { generateChunks } from '../../src/sandbox/index.js';
import { exportBodies, streamOf } from './support/export-bodies.js';
import { longStringJson } from './support/long-string-rows.js';
import { interleaved, median, report } from './support/report.js';

// 9 rounds: within one run of 5, single csv rounds spread from 0.92 to 1.73 (collector, neighbours).
const ROUNDS = 9;
const MB = Number(process.env.BENCH_ROWS_MB ?? 48);

async function count(rows: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

function check(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what} gave ${got} rows, expected ${want}`);
}

const { json, csv, rows } = exportBodies(MB);
const csvText = new TextDecoder().decode(csv);
const note = `${rows.toLocaleString('en-US')} rows, ${(json.byteLength / 1e6).toFixed(0)} MB json / ${(csv.byteLength / 1e6).toFixed(0)} MB csv`;

// Warm-up: both sides' code compiled before the first timed round.
check('json rows()', await count(jsonRows(streamOf(json))), rows);
check('csv rows()', await count(csvRows(streamOf(csv))), rows);

const jsonRun = await interleaved(
  ROUNDS,
  () => check('JSON.parse', (JSON.parse(new TextDecoder().decode(json)) as unknown[]).length, rows),
  async () => check('json rows()', await count(jsonRows(streamOf(json))), rows),
);
report({
  what: 'json `rows()`, file-speed source',
  baseline: '`JSON.parse` of the whole body',
  ratios: jsonRun.ratios,
  target: 0.8,
  note,
});

// The json scanner alone (the CLI's row counter and ndjson re-framer), count-only, in 64 KiB
// chunks, against one `Buffer#indexOf` per `"` of the same bytes: a native search of the bytes
// that matter, which is what a scanner calling memchr per string would cost (JSON.parse, 4-5×
// slower and building every row, would flatter any scanner). The target asks for the SIMD
// kernel: the JavaScript loop that runs without it is about 1×. Rows with long strings, where a
// byte-by-byte scanner falls furthest behind, are shown beside the export's.
async function scannerRun(body: { json: Uint8Array; rows: number }) {
  const bytes = Buffer.from(body.json.buffer, body.json.byteOffset, body.json.byteLength);
  const scan = () => {
    const elements = new JsonArrayElements();
    for (let at = 0; at < bytes.length; at += 64 * 1024) elements.push(bytes.subarray(at, at + 64 * 1024));
    elements.end();
    check('JsonArrayElements', elements.count, body.rows);
  };
  const quotes = () => {
    let n = 0;
    for (let at = bytes.indexOf(0x22); at >= 0; at = bytes.indexOf(0x22, at + 1)) n++;
    return n;
  };
  scan();
  quotes();
  const run = await interleaved(9, quotes, scan);
  return { ratios: run.ratios, mbPerS: median(run.candidateS.map((s) => bytes.length / 1e6 / s)) };
}
const exportScan = await scannerRun({ json, rows });
const longScan = await scannerRun(longStringJson(MB));
report({
  what: 'json array scanner alone (CLI row counting: no handler), export rows',
  baseline: '`Buffer#indexOf` of every `"` in the same bytes',
  ratios: exportScan.ratios,
  target: 1.5,
  note:
    `${exportScan.mbPerS.toFixed(0)} MB/s; rows with long strings ${longScan.mbPerS.toFixed(0)} MB/s, ` +
    `${median(longScan.ratios).toFixed(2)}× their indexOf`,
});

const csvRun = await interleaved(
  ROUNDS,
  () => {
    let n = 0;
    Papa.parse(csvText, { header: true, skipEmptyLines: true, step: () => void n++ });
    check('papaparse', n, rows);
  },
  async () => check('csv rows()', await count(csvRows(streamOf(csv))), rows),
);
report({
  what: 'csv `rows()`, file-speed source',
  baseline: 'papaparse `header` + `step`',
  ratios: csvRun.ratios,
  target: 1.3,
  note,
});

// The sandbox must never be what a client benchmark measures: its generator (what its storage
// origin sends) against the slowest client reader, csv rows(), on the same day of data.
const DAY = 86_400_000;
const day = { startTime: Date.UTC(2024, 0, 1), endTime: Date.UTC(2024, 0, 1) + DAY };
const data = { seed: 1, rowsPerDay: 200_000, teams: 4, agents: 24 };
const generated = () => {
  let bytes = 0;
  for (const chunk of generateChunks('conversation', day, data, 'csv')) bytes += chunk.length;
  return bytes;
};
const sandboxBytes = generated();
const generation = await interleaved(
  3,
  async () => check('csv rows()', await count(csvRows(streamOf(csv))), rows),
  () => generated(),
);
report({
  what: 'sandbox export generation (what its storage origin sends), csv',
  baseline: 'csv `rows()` reading the same number of bytes',
  ratios: generation.ratios.map((r) => (r * sandboxBytes) / csv.byteLength),
  target: 1,
  note: `${(sandboxBytes / 1e6).toFixed(0)} MB generated; ≥ 1 means the client, not the sandbox, sets the pace`,
});

// Peak RSS: a child reads a 200 MB json export from a file through rows().
const dir = mkdtempSync(join(tmpdir(), 'ca-bench-rows-'));
try {
  const big = exportBodies(200);
  const file = join(dir, 'export.json');
  writeFileSync(file, big.json);
  const child = fileURLToPath(new URL('./support/rows-rss.child.ts', import.meta.url));
  const rss: number[] = [];
  for (let round = 0; round < 3; round++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, file], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').at(-1) as string) as { rows: number; maxRssMb: number };
    check('json rows() from a file', result.rows, big.rows);
    rss.push(result.maxRssMb);
  }
  report({
    what: 'json `rows()` peak RSS, 200 MB body from a file',
    baseline: '—',
    ratios: rss,
    target: 150,
    lowerIsBetter: true,
    unit: 'MB',
    note: `${big.rows.toLocaleString('en-US')} rows`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
