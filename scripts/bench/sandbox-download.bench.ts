// A 1 GiB export downloaded from the sandbox over loopback HTTP, against a baseline measured in the
// same run: a bare node:http server sending pre-built buffers of the same total size. Each server
// runs in its own child process (as a sandbox serving a client under test would), the client in
// this one. Shows that a 1 GiB export works end to end with a correct Content-Length, and how close
// the storage origin (generating while it sends) comes to what loopback HTTP itself carries.
// Target: ≥ 100 MB/s, a 1 GiB export in about 10 s. (Generation alone has its own ≥ 200 MB/s
// target in sandbox-generate.bench.ts; serving adds the HTTP writes on the same thread.)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../src/sandbox/index.js';

const TARGET_MB_S = 100;
const MB = 1e6;
const DAY = 86_400_000;
const start = Date.UTC(2024, 0, 1);

// --- child roles ----------------------------------------------------------------------------------
const role = process.argv[2];
if (role === '--serve-sandbox') {
  const sb = await startSandbox({ rowsPerDay: 1_200_000, jobDurationMs: 0 });
  console.log(JSON.stringify({ url: sb.url, credentials: sb.credentials }));
  process.stdin.resume().on('end', () => void sb.close().then(() => process.exit(0)));
} else if (role === '--serve-baseline') {
  const total = Number(process.argv[3]);
  const block = Buffer.alloc(64 * 1024, 0x61);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': total });
    let left = total;
    const pump = () => {
      while (left > 0) {
        const piece = left >= block.length ? block : block.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })),
  );
  process.stdin.resume().on('end', () => server.close(() => process.exit(0)));
} else {
  await main();
}

interface Child {
  readonly info: Record<string, unknown>;
  stop(): void;
}

async function child(...args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: proc.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value as string]);
  return { info: JSON.parse(line as string), stop: () => proc.stdin.end() };
}

async function drain(url: string) {
  const began = performance.now();
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`GET answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  return { bytes, ms: performance.now() - began, declared: Number(res.headers.get('content-length')) };
}

async function main(): Promise<void> {
  const sandboxChild = await child('--serve-sandbox');
  const { url, credentials } = sandboxChild.info as { url: string; credentials: Record<string, string> };
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const query = `startTime=${start}&endTime=${start + 7 * DAY}&reportFormat=csv&companyKey=${credentials.companyKey}`;
  const run = await fetch(`${url}/reports/report/conversation?${query}`, {
    method: 'POST',
    headers: { authorization: auth },
  });
  const statusUrl: string = ((await run.json()) as { result: { statusUrl: string } }).result.statusUrl;
  const location = async () => {
    const res = await fetch(statusUrl.replace('/status?', '/download?'), {
      headers: { authorization: auth },
      redirect: 'manual',
    });
    if (res.status !== 307) throw new Error(`download answered ${res.status}`);
    return res.headers.get('location') as string;
  };
  // The sandbox measures an export's length in the background when the job starts (Content-Length
  // must be known before the body streams); wait for that before timing the transfer.
  const sizing = performance.now();
  await (await fetch(await location())).body?.cancel();
  const sizingMs = performance.now() - sizing;
  const sandbox = await drain(await location());
  sandboxChild.stop();

  const baselineChild = await child('--serve-baseline', String(sandbox.bytes));
  const baseline = await drain(baselineChild.info.url as string);
  baselineChild.stop();

  const mbS = (r: { bytes: number; ms: number }) => r.bytes / MB / (r.ms / 1000);
  const ok = sandbox.bytes === sandbox.declared && mbS(sandbox) >= TARGET_MB_S;
  console.log(
    `CSV export of ${(sandbox.bytes / 2 ** 30).toFixed(2)} GiB (Content-Length ${sandbox.declared === sandbox.bytes ? 'matches' : 'MISMATCH'}), ` +
      `length measured in ${(sizingMs / 1000).toFixed(1)} s while the job ran\n` +
      `sandbox download ${mbS(sandbox).toFixed(0)} MB/s = ${(mbS(sandbox) / mbS(baseline)).toFixed(2)}× the bare-HTTP baseline ` +
      `(${mbS(baseline).toFixed(0)} MB/s)  ${ok ? 'ok' : `BELOW ${TARGET_MB_S} MB/s`}`,
  );
  process.exit(ok ? 0 : 1);
}
