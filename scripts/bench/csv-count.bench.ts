// The CLI's csv row counting (CsvRecordCounter, what `download --format csv --out` runs on every
// chunk it writes), count-only, in 64 KiB chunks, against baselines on the same bytes in the same
// run: one `Buffer#indexOf` per newline (a native search of the one byte that ends records; the
// counter before its WebAssembly kernel cost about that) and a copy of the bytes (`Buffer#copy`,
// what the CLI does with them anyway). The copy to a file runs near 1 GB/s on this machine, so a
// counter at R GB/s adds about 1/R of the copy's time: the target asks for several times indexOf.
import { CsvRecordCounter } from '../../src/rows/csv-record-counter.js';
import { exportBodies } from './support/export-bodies.js';
import { interleaved, median, report } from './support/report.js';

const ROUNDS = 9;
const MB = Number(process.env.BENCH_ROWS_MB ?? 48);
const CHUNK = 64 * 1024;

const body = exportBodies(MB);
const bytes = Buffer.from(body.csv.buffer, body.csv.byteOffset, body.csv.byteLength);
const chunks: Buffer[] = [];
for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(bytes.subarray(at, at + CHUNK));

function check(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what} gave ${got}, expected ${want}`);
}

const count = () => {
  const counter = new CsvRecordCounter();
  for (const chunk of chunks) counter.push(chunk);
  check('CsvRecordCounter rows', counter.rows, body.rows);
};
const newlines = () => {
  let n = 0;
  for (const chunk of chunks)
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) n++;
  check('newlines', n, body.rows + 1);
};
const target = Buffer.allocUnsafe(CHUNK);
const copy = () => {
  let copied = 0;
  for (const chunk of chunks) copied += chunk.copy(target);
  check('bytes copied', copied, bytes.length);
};

for (const run of [count, newlines, copy]) run();

const gbPerS = (s: readonly number[]) => bytes.length / 1e9 / median(s);
const againstIndexOf = await interleaved(ROUNDS, newlines, count);
const againstCopy = await interleaved(ROUNDS, copy, count);
const note =
  `${(bytes.length / 1e6).toFixed(0)} MB, ${body.rows.toLocaleString('en-US')} rows: counter ` +
  `${gbPerS(againstIndexOf.candidateS).toFixed(1)} GB/s, indexOf ${gbPerS(againstIndexOf.baselineS).toFixed(1)} GB/s, ` +
  `copy ${gbPerS(againstCopy.baselineS).toFixed(1)} GB/s (counter ${median(againstCopy.ratios).toFixed(2)}× copy)`;
report({
  what: 'csv record counter (CLI row counting), export rows in 64 KiB chunks',
  baseline: '`Buffer#indexOf` of every newline in the same bytes',
  ratios: againstIndexOf.ratios,
  target: 4,
  note,
});
