// CPU per `job.status()` call, against the least a status poll can cost: a raw `fetch` of the same
// URL with the same headers and `res.json()`. The server runs in a child process, so only the
// client's CPU (process.cpuUsage of this process) is counted. Rounds are interleaved. The client is
// the built package (`npm run bench` builds it), as users run it: through tsx, every closure the
// client makes per call also gets a `__name` call (esbuild's keepNames), medians 1.25–1.40 there against 1.03–1.22 built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchJob } from './support/bench-job.js';
import { startChild } from './support/loopback.js';
import { report } from './support/report.js';

// 1000 calls a side: with 400, when the collector ran decided a round (ratios 0.75 to 2.2).
const CALLS = 1000;
// 11 rounds: single rounds spread from 0.8 to 2.0 (collector, loopback, neighbours).
const ROUNDS = 11;
const credentials = { username: 'bench-user', password: 'bench-password', companyKey: 'bench-company-key' };

const built = new URL('../../dist/src/index.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  console.error(`${fileURLToPath(built)} is missing: run npm run build first (npm run bench does)`);
  process.exit(1);
}
const { createCareAnalytics } = (await import(built.href)) as typeof import('../../src/index.js');

const server = await startChild(new URL('./support/status-server.child.ts', import.meta.url));
try {
  const base = `${server.info.url as string}/api/public`;
  const ca = createCareAnalytics({ baseUrl: base, ...credentials });
  const job = ca.reports.resume(benchJob);
  const url = `${base}/reports/report/${benchJob.workflowId}/${encodeURIComponent(benchJob.runId)}/status?companyKey=${credentials.companyKey}`;
  const headers = {
    Accept: 'application/json',
    'User-Agent': 'khoros-care-analytics',
    Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
  };
  const raw = async () => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`raw fetch answered ${res.status}`);
    await res.json();
  };
  const client = async () => {
    const status = await job.status();
    if (status.totalCount !== 500) throw new Error('unexpected status');
  };
  const cpu = async (call: () => Promise<void>) => {
    // The other side's garbage is collected before, not on this side's clock (run.ts passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await call();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / CALLS;
  };
  for (let i = 0; i < 50; i++) await Promise.all([raw(), client()]); // warm-up: JIT, sockets
  const ratios: number[] = [];
  const perCall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Which side goes first alternates, so a neighbour's load colours both alike.
    let clientUs: number;
    let rawUs: number;
    if (round % 2) {
      clientUs = await cpu(client);
      rawUs = await cpu(raw);
    } else {
      rawUs = await cpu(raw);
      clientUs = await cpu(client);
    }
    ratios.push(clientUs / rawUs);
    perCall.push(clientUs);
  }
  report({
    what: '`job.status()` CPU per call',
    baseline: 'raw `fetch` + `res.json()`, same headers',
    ratios,
    target: 1.2,
    lowerIsBetter: true,
    note: `${Math.min(...perCall).toFixed(0)}–${Math.max(...perCall).toFixed(0)} µs per call`,
  });
} finally {
  await server.stop();
}
