// The storage leg three ways, against one bare loopback server in a child process serving 200 MB:
// the baseline is fetch (undici), the subjects socketFetch (the default storage leg: its own
// HTTP/1.1 reading over net/tls) and nodeHttpFetch (node:http, the API calls' transport), each
// read to the end through its BodySource as the download reads it; then the whole client
// (downloadToFile, default vs an injected fetch). Rounds interleaved so that all see the same
// neighbours. Both own legs notice bytes beyond Content-Length, which fetch drops; the target
// guards against either costing much: ≥ 0.8× fetch's throughput at the median. Storage is https
// in real life: the last row reads 200 MB from an https server (a child process, with the
// test-only self-signed certificate, trusted by both sides) with socketFetch against node:https,
// which is what the storage leg used before; there the target is not to be slower (≥ 1×).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { globalAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCareAnalytics } from '../../src/index.js';
import { bodySourceOf } from '../../src/internal/transport/body-source.js';
import { nodeHttpFetch } from '../../src/internal/transport/node-http-fetch.js';
import { socketFetch } from '../../src/internal/transport/socket-fetch.js';
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

const viaSocket = socketFetch();

async function leg(fetchLike: FetchLike): Promise<number> {
  const began = performance.now();
  const response = await fetchLike(new Request(fileUrl));
  let bytes = 0;
  await new Promise<void>((resolve, reject) =>
    bodySourceOf(response).start({ data: (chunk) => (bytes += chunk.length), end: resolve, error: reject }),
  );
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

const ratios = { socket: [] as number[], node: [] as number[], client: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first, so that neither always runs on a warmer machine.
  const both = async (run: (f: FetchLike | undefined) => Promise<number>, node: FetchLike | undefined) => {
    if (round % 2 === 0) return [await run(viaFetch), await run(node)] as const;
    const nodeMs = await run(node);
    return [await run(viaFetch), nodeMs] as const;
  };
  const [fetchLeg, socketLeg] = await both((f) => leg(f ?? viaSocket), viaSocket);
  const [fetchLeg2, nodeLeg] = await both((f) => leg(f ?? nodeHttpFetch), nodeHttpFetch);
  const [fetchClient, socketClient] = await both(client, undefined);
  ratios.socket.push(fetchLeg / socketLeg);
  ratios.node.push(fetchLeg2 / nodeLeg);
  ratios.client.push(fetchClient / socketClient);
  const rate = (ms: number) => (SIZE / MB / (ms / 1000)).toFixed(0);
  console.log(
    `round ${round + 1}: leg fetch ${rate(fetchLeg)}/${rate(fetchLeg2)} MB/s, socket ${rate(socketLeg)} MB/s, node:http ${rate(nodeLeg)} MB/s; ` +
      `client fetch ${rate(fetchClient)} MB/s, default ${rate(socketClient)} MB/s`,
  );
}
api.close();
await storage.stop();
rmSync(dir, { recursive: true, force: true });

const tlsServer = await startChild(
  new URL('./support/tls-file-server.child.ts', import.meta.url),
  String(SIZE),
);
const ca = readFileSync(new URL('../../test/client/support/tls/localhost-cert.pem', import.meta.url));
globalAgent.options.ca = ca; // node:https (nodeHttpFetch) trusts the test certificate too
const tlsUrl = tlsServer.info.url as string;
const viaTlsSocket = socketFetch({ ca });
const overTls: number[] = [];
const TLS_ROUNDS = 7;
for (let round = 0; round < TLS_ROUNDS; round++) {
  const timed = async (fetchLike: FetchLike) => {
    const began = performance.now();
    const response = await fetchLike(new Request(tlsUrl));
    let bytes = 0;
    await new Promise<void>((resolve, reject) =>
      bodySourceOf(response).start({ data: (chunk) => (bytes += chunk.length), end: resolve, error: reject }),
    );
    if (bytes !== SIZE) throw new Error(`got ${bytes} bytes over TLS`);
    return performance.now() - began;
  };
  const first = round % 2 === 0 ? viaTlsSocket : nodeHttpFetch;
  const second = round % 2 === 0 ? nodeHttpFetch : viaTlsSocket;
  const firstMs = await timed(first);
  const secondMs = await timed(second);
  const [socketMs, nodeMs] = round % 2 === 0 ? [firstMs, secondMs] : [secondMs, firstMs];
  overTls.push(nodeMs / socketMs);
}
await tlsServer.stop();

report({
  what: 'storage leg alone, socketFetch (the default) vs `fetch`',
  baseline: '`fetch` of the same pre-signed URL',
  ratios: ratios.socket,
  target: TARGET_RATIO,
  note: `${SIZE / MB} MB from a loopback server`,
});
report({
  what: 'storage leg alone, `node:http` vs `fetch`',
  baseline: '`fetch` of the same pre-signed URL',
  ratios: ratios.node,
  target: TARGET_RATIO,
  note: `${SIZE / MB} MB from a loopback server`,
});
report({
  what: 'storage leg over TLS, socketFetch vs `node:https`',
  baseline: '`node:https` (nodeHttpFetch) of the same https URL',
  ratios: overTls,
  target: 1,
  note: `${SIZE / MB} MB from a loopback https server`,
});
report({
  what: '`downloadToFile()` with the default (socketFetch) storage leg',
  baseline: 'the same client with `fetch` for storage',
  ratios: ratios.client,
  target: TARGET_RATIO,
});
