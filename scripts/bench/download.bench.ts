// `job.downloadToFile()` of a 1 GiB csv export from a static loopback server (in its own process)
// against `curl -o` of the same storage URL, interleaved rounds. The client runs in a child
// process on the built package, so its peak RSS is its own (target ≤ 100 MB). Skipped, and said
// so, where curl is not installed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { benchJob } from './support/bench-job.js';
import { startChild } from './support/loopback.js';
import { interleavedTimed, report } from './support/report.js';

const BYTES = 2 ** 30;
// 7 rounds: single rounds of a 1 GiB copy on a shared 2-core machine spread from 0.6 to 1.2.
const ROUNDS = 7;
const run = promisify(execFile);
const curl = ['/usr/bin/curl', '/usr/local/bin/curl'].find((path) => existsSync(path));
const child = fileURLToPath(new URL('./support/download-to-file.child.mjs', import.meta.url));
const state = JSON.stringify(benchJob);

if (!curl) {
  console.log('download: curl is not installed here, so there is no baseline; skipped');
} else {
  const server = await startChild(
    new URL('./support/static-export-server.child.ts', import.meta.url),
    String(BYTES),
  );
  const work = await mkdtemp(join(tmpdir(), 'ca-bench-download-'));
  try {
    const url = server.info.url as string;
    const size = server.info.csvBytes as number;
    const storage = `${url}/storage/export.csv?X-Amz-Signature=bench`;
    // Each side's own clock, around the transfer alone: curl's `time_total`, the child's
    // downloadToFile(). Process start-up and deleting the 1 GiB file (0.16–0.23 s here) are on neither.
    const viaCurl = async () => {
      const out = join(work, 'curl.csv');
      const { stdout } = await run(curl, ['--silent', '--fail', '-o', out, '-w', '%{time_total}', storage]);
      if ((await stat(out)).size !== size) throw new Error('curl wrote a short file');
      await rm(out);
      return Number(stdout);
    };
    const rss: number[] = [];
    const viaClient = async () => {
      const out = join(work, 'client.csv');
      const { stdout } = await run(process.execPath, [child, `${url}/api/public`, state, out]);
      const result = JSON.parse(stdout) as { ms: number; bytes: number; rssMb: number };
      if (result.bytes !== size) throw new Error(`downloadToFile() wrote ${result.bytes} of ${size} bytes`);
      rss.push(result.rssMb);
      await rm(out);
      return result.ms / 1000;
    };
    await viaCurl(); // warm-up: page cache, server JIT
    const { ratios, candidateS } = await interleavedTimed(ROUNDS, viaCurl, viaClient);
    const rates = candidateS.map((clientS) => size / 1e6 / clientS);
    report({
      what: '`downloadToFile()`, 1 GiB csv, static loopback server',
      baseline: '`curl -o` of the same storage URL',
      ratios,
      target: 0.8,
      note: `${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)} MB/s`,
    });
    report({
      what: '`downloadToFile()` peak RSS, 1 GiB',
      baseline: '—',
      ratios: rss,
      target: 100,
      lowerIsBetter: true,
      unit: 'MB',
    });
  } finally {
    await rm(work, { recursive: true, force: true });
    await server.stop();
  }
}
