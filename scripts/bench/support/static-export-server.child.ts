// A static export server on 127.0.0.1 in its own process: the API's download call answers 307 to
// a storage URL on the same server, which sends `argv[2]` bytes of csv (`…0001` jobs) or json
// (`…0002` jobs) made of one pre-built block written again and again, so producing the body costs
// nothing; with `argv[3]`, no faster than that many MB/s (a storage host's pace, not loopback's). Status calls answer CLOSED/COMPLETED. Prints `{"url":…}` once listening; stops when its
// stdin closes. What curl, `downloadToFile()` and the CLI download in the benchmarks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportBodies } from './export-bodies.js';

const total = Number(process.argv[2]);
const bytesPerMs = Number(process.argv[3] ?? 0) * 1000;
const sample = exportBodies(4);
const csvText = new TextDecoder().decode(sample.csv);
const header = Buffer.from(csvText.slice(0, csvText.indexOf('\n') + 1));
const csvRows = Buffer.from(csvText.slice(csvText.indexOf('\n') + 1));
const jsonText = new TextDecoder().decode(sample.json).slice(1, -1); // the rows, comma-separated
const jsonFirst = Buffer.from(`[${jsonText}`);
const jsonNext = Buffer.from(`,${jsonText}`);
const jsonEnd = Buffer.from(']');

/** Whole blocks up to about `total` bytes: [first, …repeated, last]. */
function plan(first: Buffer, next: Buffer, last: Buffer): { parts: Buffer[]; length: number } {
  const count = Math.max(1, Math.round((total - first.length - last.length) / next.length));
  const parts = [first, ...Array.from({ length: count }, () => next), last];
  return { parts, length: parts.reduce((n, p) => n + p.length, 0) };
}
const bodies = {
  csv: { ...plan(header, csvRows, Buffer.alloc(0)), type: 'text/csv; charset=utf-8' },
  json: { ...plan(jsonFirst, jsonNext, jsonEnd), type: 'application/json' },
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const format = url.pathname.includes('0002') || url.pathname.endsWith('.json') ? 'json' : 'csv';
  if (url.pathname.startsWith('/storage/')) {
    const { parts, length, type } = bodies[format];
    res.writeHead(200, { 'content-type': type, 'content-length': length });
    let i = 0;
    let sent = 0;
    const began = performance.now();
    const pump = () => {
      while (i < parts.length) {
        // Paced: a block goes out only once the time for the bytes before it has passed.
        const wait = bytesPerMs > 0 ? began + sent / bytesPerMs - performance.now() : 0;
        if (wait > 1) return void setTimeout(pump, wait);
        const part = parts[i++] as Buffer;
        sent += part.length;
        if (!res.write(part)) return void res.once('drain', pump);
      }
      res.end();
    };
    return pump();
  }
  if (url.pathname.endsWith('/download')) {
    res.writeHead(307, { location: `/storage/export.${format}?X-Amz-Signature=bench` });
    return res.end();
  }
  const body = JSON.stringify({
    status: 'PASS',
    request: null,
    message: null,
    result: { jobInfo: {}, result: { runnerState: 'CLOSED', detail: 'COMPLETED', reason: null } },
  });
  res.writeHead(200, { 'content-type': 'text/plain;charset=UTF-8' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(JSON.stringify({ url, csvBytes: bodies.csv.length, jsonBytes: bodies.json.length }));
});
process.stdin.resume().on('end', () => server.close(() => process.exit(0)));
