// The same three months of conversation rows two ways, against one sandbox in a child process:
// the baseline is one export job (reports.run + downloadToFile), the subject reports.exportRange
// with monthly windows (3 jobs through the scheduler, each written to its own file, counted,
// hashed and recorded in the manifest, then merged into one CSV). Both outputs must hold the same
// rows. Target: the range export keeps ≥ 0.5× the single export's throughput (rows/s) — the
// price of resumability is a second local pass over the data, not a second download. Best of 3.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createCareAnalytics } from '../../src/index.js';
import { rowsOf } from '../../src/rows/index.js';
import { bestOf, MB, startSandboxChild, type Timed } from './support/loopback.js';
import { report } from './support/report.js';

const TARGET_RATIO = 0.5;
const RUNS = 3;
const start = Date.UTC(2024, 0, 1);
const end = Date.UTC(2024, 3, 1);
const fast = { pollIntervalMs: 10, maxPollIntervalMs: 50 };

const child = await startSandboxChild({ rowsPerDay: 5_000, jobDurationMs: 0 });
const ca = createCareAnalytics({ baseUrl: child.url, ...child.credentials, onWarning: () => {} });
const dir = mkdtempSync(join(tmpdir(), 'bench-range-'));
const params = { startTime: start, endTime: end, reportFormat: 'csv' } as const;
let run = 0;

const single = await bestOf(RUNS, async (): Promise<Timed & { rows: number }> => {
  const path = join(dir, `single-${run++}.csv`);
  const began = performance.now();
  const job = await ca.reports.run('conversation', params, fast);
  const saved = await job.downloadToFile(path);
  const ms = performance.now() - began;
  let rows = 0;
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  for await (const _ of rowsOf({ body, format: 'csv' })) rows++;
  return { ms, bytes: saved.bytes, rows };
});
const range = await bestOf(RUNS, async (): Promise<Timed & { rows: number }> => {
  const out = join(dir, `range-${run++}.csv`);
  const began = performance.now();
  const result = await ca.reports.exportRange('conversation', params, { out, window: 'month', ...fast });
  return { ms: performance.now() - began, bytes: statSync(out).size, rows: result.rows };
});
await child.stop();
rmSync(dir, { recursive: true, force: true });

const rowsPerSecond = (t: Timed & { rows: number }) => t.rows / (t.ms / 1000);
const ratio = rowsPerSecond(range) / rowsPerSecond(single);
const sameRows = range.rows === single.rows;
const ok = sameRows && ratio >= TARGET_RATIO;
console.log(
  `single export: ${single.rows.toLocaleString('en-US')} rows, ${(single.bytes / MB).toFixed(1)} MB in ${(single.ms / 1000).toFixed(2)} s = ${Math.round(rowsPerSecond(single)).toLocaleString('en-US')} rows/s\n` +
    `range export (3 monthly windows, merged): ${range.rows.toLocaleString('en-US')} rows${sameRows ? '' : ' (ROW COUNT DIFFERS)'}, ${(range.bytes / MB).toFixed(1)} MB in ${(range.ms / 1000).toFixed(2)} s = ${Math.round(rowsPerSecond(range)).toLocaleString('en-US')} rows/s\n` +
    `range export = ${ratio.toFixed(2)}× the single export's throughput  ${ok ? 'ok' : `BELOW ${TARGET_RATIO}×`}`,
);
report({
  what: '`reports.exportRange`, 3 monthly windows merged',
  baseline: 'one export of the same rows',
  ratios: [ratio],
  target: TARGET_RATIO,
  note: `${range.rows.toLocaleString('en-US')} rows; best of ${RUNS} each`,
});
// A missed target is a row of run.ts's table; a different row count is a failure.
process.exit(sameRows ? 0 : 1);
