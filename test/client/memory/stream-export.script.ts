// Child process for memory.slow.test.ts (needs --expose-gc): serves a large export from a local
// server and reports how far the heap grew while rows() (of a JSON or a CSV export) or
// downloadToFile() consumed it.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCareAnalytics } from '../../../src/index.js';

const mode = process.argv[2] as 'rows' | 'csv-rows' | 'file';
const format = mode === 'csv-rows' ? 'csv' : 'json';
const TOTAL = Number(process.argv[3] ?? 200) * 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const note = 'x'.repeat(120);
const jsonRow = (i: number) =>
  JSON.stringify({ CONVERSATION_ID: String(i), STATUS: 'CLOSED', agent_name: `Agent ${i % 97}`, NOTE: note });
const csvRow = (i: number) => `${i},CLOSED,"Agent ${i % 97}, Tier 2",${note}\n`;

const server = createServer(async (req, res) => {
  if (req.url?.includes('/download')) {
    res.writeHead(307, { location: '/storage/export.json?sig=abc' }).end();
    return;
  }
  res.writeHead(200, { 'content-type': format === 'csv' ? 'text/csv' : 'application/json' });
  let sent = 0;
  let i = 0;
  res.write(format === 'csv' ? 'CONVERSATION_ID,STATUS,agent_name,NOTE\n' : '[');
  while (sent < TOTAL) {
    const parts: string[] = [];
    for (let n = 0; n < 400; n++) parts.push(format === 'csv' ? csvRow(i++) : jsonRow(i++));
    const chunk = format === 'csv' ? parts.join('') : `${i > 400 ? ',' : ''}${parts.join(',')}`;
    sent += chunk.length;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end(format === 'csv' ? '' : ']');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const ca = createCareAnalytics({
  baseUrl: `http://127.0.0.1:${port}/api/public`,
  username: 'u',
  password: 'p',
  companyKey: 'k',
});
const job = ca.reports.resume({
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: 'w',
  runId: 'r',
  reportType: 'conversation',
  format,
  startedAt: new Date().toISOString(),
});

const heap = () => {
  gc();
  return process.memoryUsage();
};
const base = heap();
let peakHeap = 0;
let peakBuffers = 0;
const sample = () => {
  const now = heap();
  peakHeap = Math.max(peakHeap, now.heapUsed - base.heapUsed);
  peakBuffers = Math.max(peakBuffers, now.arrayBuffers - base.arrayBuffers);
};

let rows = 0;
let bytes = 0;
if (mode !== 'file') {
  for await (const row of job.rows()) {
    // Checks every row arrived whole, so a parser that dropped or merged rows could not pass.
    if (row.CONVERSATION_ID !== String(rows))
      throw new Error(`row ${rows} came out as ${JSON.stringify(row)}`);
    if (++rows % 50_000 === 0) sample();
  }
  bytes = TOTAL;
} else {
  const dir = await mkdtemp(join(tmpdir(), 'ca-mem-'));
  const timer = setInterval(sample, 200);
  const saved = await job.downloadToFile(join(dir, 'export.json'));
  clearInterval(timer);
  bytes = (await stat(saved.path)).size;
  await rm(dir, { recursive: true, force: true });
}
sample();
server.close();
console.log(
  JSON.stringify({ mode, rows, bytes, peakHeapGrowth: peakHeap, peakArrayBufferGrowth: peakBuffers }),
);
