// The storage leg two ways, against one bare loopback server in a child process serving 200 MB:
// the baseline is fetch (undici), the subject nodeHttpFetch (node:http), each read to the end
// through a web-stream reader, then each inside the whole client (downloadToFile with an injected
// fetch vs the default). Rounds interleaved so that both see the same neighbours. The node:http
// leg is kept for correctness (it notices bytes beyond Content-Length); the target only guards
// against it costing much: ≥ 0.8× fetch's throughput at the median.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCareAnalytics } from '../../src/index.js';
import { nodeHttpFetch } from '../../src/internal/transport/node-http-fetch.js';
import type { FetchLike } from '../../src/types/fetch-like.js';
import { MB, startChild } from './support/loopback.js';
import { report } from './support/report.js';

const TARGET_RATIO = 0.8;
const ROUNDS = 3;
const SIZE = 200 * MB;

const storage = await startChild(
  new URL('./support/static-export-server.child.ts', import.meta.url),
  String(SIZE),
);
const fileUrl = `${storage.info.url as string}/storage/export.csv?X-Amz-Signature=bench`;
const size = storage.info.csvBytes as number;
const api = createServer((_req, res) => res.writeHead(307, { location: fileUrl }).end());
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/public`;
const dir = mkdtempSync(join(tmpdir(), 'bench-storage-'));
const job = { workflowId: 'w', runId: 'r', reportType: 'conversation', format: 'csv' } as const;
const account = { username: 'u', password: 'p', companyKey: 'k' };
const viaFetch: FetchLike = (request) => globalThis.fetch(request);

async function leg(fetchLike: FetchLike): Promise<number> {
  const began = performance.now();
  const response = await fetchLike(new Request(fileUrl));
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
  if (bytes !== size) throw new Error(`got ${bytes} bytes`);
  return performance.now() - began;
}

async function client(fetchLike: FetchLike | undefined): Promise<number> {
  const ca = createCareAnalytics({ baseUrl, ...account, ...(fetchLike ? { fetch: fetchLike } : {}) });
  const began = performance.now();
  const saved = await ca.reports.resume(job).downloadToFile(join(dir, 'out.csv'));
  if (saved.bytes !== size) throw new Error(`saved ${saved.bytes} bytes`);
  return performance.now() - began;
}

const ratios = { leg: [] as number[], client: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first, so that neither always runs on a warmer machine.
  const both = async (run: (f: FetchLike | undefined) => Promise<number>, node: FetchLike | undefined) => {
    if (round % 2 === 0) return [await run(viaFetch), await run(node)] as const;
    const nodeMs = await run(node);
    return [await run(viaFetch), nodeMs] as const;
  };
  const [fetchLeg, nodeLeg] = await both((f) => leg(f ?? nodeHttpFetch), nodeHttpFetch);
  const [fetchClient, nodeClient] = await both(client, undefined);
  ratios.leg.push(fetchLeg / nodeLeg);
  ratios.client.push(fetchClient / nodeClient);
  console.log(
    `round ${round + 1}: leg fetch ${(SIZE / MB / (fetchLeg / 1000)).toFixed(0)} MB/s, node:http ${(SIZE / MB / (nodeLeg / 1000)).toFixed(0)} MB/s; ` +
      `client fetch ${(SIZE / MB / (fetchClient / 1000)).toFixed(0)} MB/s, node:http ${(SIZE / MB / (nodeClient / 1000)).toFixed(0)} MB/s`,
  );
}
api.close();
await storage.stop();
rmSync(dir, { recursive: true, force: true });

report({
  what: 'storage leg alone, `node:http` vs `fetch`',
  baseline: '`fetch` of the same pre-signed URL',
  ratios: ratios.leg,
  target: TARGET_RATIO,
  note: `${SIZE / MB} MB from a loopback server`,
});
report({
  what: '`downloadToFile()` with the `node:http` storage leg',
  baseline: 'the same client with `fetch` for storage',
  ratios: ratios.client,
  target: TARGET_RATIO,
});
