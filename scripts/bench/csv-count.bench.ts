// The CLI's csv row counting (CsvRecordCounter, what `download --format csv --out` runs on every
// chunk it writes), count-only, against baselines on the same bytes in the same run: the same
// counter in JavaScript (csv-record-scan.ts: what runs without WebAssembly SIMD, and what ran
// before the kernel), one `Buffer#indexOf` per newline (a native search of the one byte that ends
// records) and a copy of the bytes (`Buffer#copy`). The CLI counts each 64 KiB chunk just after it
// arrived from the socket, so the bytes are in the CPU's cache: here 1 MiB of export rows in 64 KiB
// chunks, counted again and again. The CLI's copy to a file runs near 1 GB/s on this machine, so a
// counter at R GB/s adds about 1/R of the copy's time.
import { CsvRecordCounter } from '../../src/rows/csv-record-counter.js';
import { HAS_CONTENT } from '../../src/rows/csv-record-kernel.js';
import { recordScan } from '../../src/rows/csv-record-scan.js';
import { exportBodies } from './support/export-bodies.js';
import { interleaved, median, report } from './support/report.js';

const ROUNDS = 9;
const CHUNK = 64 * 1024;
const PASSES = 48; // 48 MiB per round

const body = exportBodies(2);
const slice = body.csv.subarray(0, body.csv.lastIndexOf(0x0a, 2 ** 20) + 1); // whole lines
const bytes = Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength);
const lines = bytes.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
const chunks: Buffer[] = [];
for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(bytes.subarray(at, at + CHUNK));

function check(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what} gave ${got}, expected ${want}`);
}

const count = () => {
  const counter = new CsvRecordCounter();
  for (let pass = 0; pass < PASSES; pass++) for (const chunk of chunks) counter.push(chunk);
  check('CsvRecordCounter records', counter.records, PASSES * lines);
};
const scan = () => {
  let records = 0;
  let state = 0;
  for (let pass = 0; pass < PASSES; pass++)
    for (const chunk of chunks) {
      records += recordScan.count(chunk, state);
      state = recordScan.state;
    }
  check('recordScan records', records + (state & HAS_CONTENT ? 1 : 0), PASSES * lines);
};
const newlines = () => {
  let n = 0;
  for (let pass = 0; pass < PASSES; pass++)
    for (const chunk of chunks)
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) n++;
  check('newlines', n, PASSES * lines);
};
const target = Buffer.allocUnsafe(CHUNK);
const copy = () => {
  let copied = 0;
  for (let pass = 0; pass < PASSES; pass++) for (const chunk of chunks) copied += chunk.copy(target);
  check('bytes copied', copied, PASSES * bytes.length);
};

for (const run of [count, scan, newlines, copy]) run();

const gbPerS = (s: readonly number[]) => (PASSES * bytes.length) / 1e9 / median(s);
const againstScan = await interleaved(ROUNDS, scan, count);
const againstIndexOf = await interleaved(ROUNDS, newlines, count);
const againstCopy = await interleaved(ROUNDS, copy, count);
report({
  what: 'csv record counter (CLI row counting), export rows in 64 KiB chunks in cache',
  baseline: 'the same counter in JavaScript (`Buffer#indexOf` per newline and quote)',
  ratios: againstScan.ratios,
  target: 4,
  note:
    `${lines.toLocaleString('en-US')} lines (${(bytes.length / 2 ** 20).toFixed(1)} MiB) × ${PASSES}: ` +
    `${gbPerS(againstScan.candidateS).toFixed(1)} GB/s, JavaScript ${gbPerS(againstScan.baselineS).toFixed(1)} GB/s; ` +
    `${median(againstIndexOf.ratios).toFixed(2)}× one \`indexOf\` per newline (${gbPerS(againstIndexOf.baselineS).toFixed(1)} GB/s), ` +
    `${median(againstCopy.ratios).toFixed(2)}× \`Buffer#copy\` (${gbPerS(againstCopy.baselineS).toFixed(1)} GB/s)`,
});
