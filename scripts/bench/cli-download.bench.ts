// The CLI against the library it wraps, in the same run, from the same sandbox (in a child
// process): `care-analytics download` of a finished job, one process per run, against
// `job.downloadToFile()` in this process. The CLI's start-up (`--version`, against a bare
// `node -e 0`) is measured on its own and taken out of the transfer ratios, which are about the
// work it does per byte: csv and json are copied while their rows are counted, target ≥ 0.8× the
// library's plain copy; ndjson re-frames a JSON export row by row, target ≥ 0.5× the library's
// copy of the same JSON. Start-up target: under 300 ms. Each figure is the best of three.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createCareAnalytics } from '../../src/index.js';
import { fastest, mbPerSecond, startSandboxChild, type Timed } from './support/loopback.js';

const RUNS = 3;
const COPY_TARGET = 0.8;
const NDJSON_TARGET = 0.5;
const STARTUP_TARGET_MS = 300;
const DAY = 86_400_000;
// Whole days just before today: inside the 18 months of data the API keeps.
const start = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const cli = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first (npm run bench does)`);
  process.exit(1);
}

const sandbox = await startSandboxChild({ rowsPerDay: 500_000, jobDurationMs: 0 });
const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials });
const work = await mkdtemp(join(tmpdir(), 'ca-bench-cli-'));
const env = {
  ...process.env,
  KHOROS_ANALYTICS_URL: sandbox.url,
  KHOROS_ANALYTICS_USER: sandbox.credentials.username,
  KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
  KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
};

/** Wall time of a node process with `args`, from spawn to exit. */
async function timeProcess(args: string[]): Promise<number> {
  const began = performance.now();
  await promisify(execFile)(process.execPath, args, { cwd: work, env });
  return performance.now() - began;
}

/** Wall time of the CLI run with `args`; the bytes it wrote to `out`. */
async function timeCli(args: string[], out: string): Promise<Timed> {
  const ms = await timeProcess([cli, ...args]);
  const { size } = await stat(out);
  await rm(out);
  return { bytes: size, ms };
}

async function timeLibrary(job: Awaited<ReturnType<typeof ca.reports.run>>, out: string): Promise<Timed> {
  const began = performance.now();
  await job.downloadToFile(out);
  const ms = performance.now() - began;
  const { size } = await stat(out);
  await rm(out);
  return { bytes: size, ms };
}

try {
  const startups = { cli: [] as number[], node: [] as number[] };
  for (let run = 0; run < 5; run++) {
    startups.node.push(await timeProcess(['-e', '0']));
    startups.cli.push(await timeProcess([cli, '--version']));
  }
  const [startupMs, nodeMs] = [Math.min(...startups.cli), Math.min(...startups.node)];
  const startupOk = startupMs < STARTUP_TARGET_MS;
  console.log(
    `start-up: care-analytics --version ${startupMs.toFixed(0)} ms = ${(startupMs / nodeMs).toFixed(2)}× ` +
      `node -e 0 (${nodeMs.toFixed(0)} ms)  ${startupOk ? 'ok' : `OVER ${STARTUP_TARGET_MS} ms`}`,
  );

  const range = { startTime: start, endTime: start + 2 * DAY };
  const wait = { pollIntervalMs: 100 };
  const csvJob = await ca.reports.run('conversation', { ...range, reportFormat: 'csv' }, wait);
  const jsonJob = await ca.reports.run('conversation', { ...range, reportFormat: 'json' }, wait);
  const cases = [
    { name: 'csv', job: csvJob, format: 'csv', target: COPY_TARGET },
    { name: 'json', job: jsonJob, format: 'json', target: COPY_TARGET },
    { name: 'ndjson', job: jsonJob, format: 'ndjson', target: NDJSON_TARGET },
  ] as const;
  let missed = startupOk ? 0 : 1;
  for (const { name, job, format, target } of cases) {
    const out = `cli.${name}`;
    const args = ['download', JSON.stringify(job.toJSON()), '--format', format, '--out', out];
    // Warm-ups: the sandbox sizes the export once, the JIT sees the library's loops.
    await timeLibrary(job, join(work, 'warm'));
    await timeCli(args, join(work, out));
    const library: Timed[] = [];
    const command: Timed[] = [];
    for (let run = 0; run < RUNS; run++) {
      library.push(await timeLibrary(job, join(work, `library.${name}`)));
      command.push(await timeCli(args, join(work, out)));
    }
    const lib = fastest(library);
    const cmd = fastest(command);
    const transfer = { bytes: cmd.bytes, ms: cmd.ms - startupMs };
    const ratio = mbPerSecond(transfer) / mbPerSecond(lib);
    if (ratio < target) missed++;
    console.log(
      `${name}: care-analytics download ${(cmd.bytes / 1e6).toFixed(0)} MB in ${(cmd.ms / 1000).toFixed(2)} s, ` +
        `${mbPerSecond(transfer).toFixed(0)} MB/s after start-up = ${ratio.toFixed(2)}× job.downloadToFile() ` +
        `(${mbPerSecond(lib).toFixed(0)} MB/s on ${(lib.bytes / 1e6).toFixed(0)} MB of ${job.format}; ` +
        `${(mbPerSecond(cmd) / mbPerSecond(lib)).toFixed(2)}× with start-up)  ${ratio >= target ? 'ok' : `BELOW ${target}×`}`,
    );
  }
  process.exitCode = missed ? 1 : 0;
} finally {
  await rm(work, { recursive: true, force: true });
  await sandbox.stop();
}
