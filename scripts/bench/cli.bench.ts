// The CLI against the library it wraps, from the same static loopback server (its own process, so
// neither the server nor the sandbox's generator can be the bottleneck): `care-analytics download
// --format csv|json|ndjson` against `job.downloadToFile()` (plain node, built package) of the same
// export, interleaved rounds. Each side times itself: the library child its downloadToFile(), the
// CLI its command (the `elapsedMs` of its `--json-log` `done` event), so process start-up is out
// of both and the ratio is about the work per byte. Unpaced, the 1 GiB copy keeps both cores busy
// (the client reading and writing, the server sending), so the CPU the CLI spends counting rows
// or re-framing ndjson shows in full; the paced rows show the same work behind a storage host's
// pace. Start-up itself: `care-analytics --version` against `node -e 0`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startChild } from './support/loopback.js';
import { interleavedTimed, report, seconds } from './support/report.js';

// 1 GiB, as the download row: per-byte work decides the ratio, not the few milliseconds either
// side spends before its first byte.
const BYTES = 2 ** 30;
// 5 rounds: single rounds of one format spread from 0.45 to 0.86 on the shared 2-core machine.
const ROUNDS = 5;
const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const child = fileURLToPath(new URL('./support/download-to-file.child.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first (npm run bench does)`);
  process.exit(1);
}
const stateOf = (format: 'csv' | 'json') => ({
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: `7d3c1a2e-0000-4000-8000-00000000000${format === 'csv' ? 1 : 2}`,
  runId: 'ab+cd/ef==',
  reportType: 'conversation',
  format,
  startedAt: new Date().toISOString(),
});

// 15 rounds: one start-up is a few hundred ms, and on a shared machine 7 left the median to chance.
const startup = { cli: [] as number[], node: [] as number[] };
for (let round = 0; round < 15; round++) {
  startup.node.push(await seconds(() => run(process.execPath, ['-e', '0'])));
  startup.cli.push(await seconds(() => run(process.execPath, [cli, '--version'])));
}
report({
  what: 'CLI start-up, `care-analytics --version`',
  baseline: '`node -e 0`',
  ratios: startup.cli.map((s, i) => s / (startup.node[i] as number)),
  target: 1.5,
  lowerIsBetter: true,
});

// The same comparison with storage paced at what one connection to a storage host gives at best,
// where the copy no longer takes every cycle of both cores: 256 MiB at 400 MB/s, 3 rounds.
const PACED_BYTES = 2 ** 28;
const PACED_MB_PER_S = 400;
const PACED_ROUNDS = 3;

const work = await mkdtemp(join(tmpdir(), 'ca-bench-cli-'));
try {
  await compare(BYTES, undefined, ROUNDS, '1 GiB');
  await compare(
    PACED_BYTES,
    PACED_MB_PER_S,
    PACED_ROUNDS,
    `256 MiB, storage paced at ${PACED_MB_PER_S} MB/s`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The CLI against downloadToFile() for each format, from a static server sending `bytes` (at `mbPerS`). */
async function compare(bytes: number, mbPerS: number | undefined, rounds: number, label: string) {
  const server = await startChild(
    new URL('./support/static-export-server.child.ts', import.meta.url),
    String(bytes),
    ...(mbPerS ? [String(mbPerS)] : []),
  );
  try {
    const url = `${server.info.url as string}/api/public`;
    const env = {
      ...process.env,
      KHOROS_ANALYTICS_URL: url,
      KHOROS_ANALYTICS_USER: 'bench',
      KHOROS_ANALYTICS_PASSWORD: 'bench-password',
      KHOROS_ANALYTICS_COMPANY_KEY: 'bench-key',
    };
    for (const [format, produced] of [
      ['csv', 'csv'],
      ['json', 'json'],
      ['ndjson', 'json'],
    ] as const) {
      const state = JSON.stringify(stateOf(produced));
      const library = async () => {
        const out = join(work, `library.${produced}`);
        const { stdout } = await run(process.execPath, [child, url, state, out]);
        await rm(out);
        return (JSON.parse(stdout) as { ms: number }).ms / 1000;
      };
      const command = async () => {
        const out = join(work, `cli.${format}`);
        const { stderr } = await run(
          process.execPath,
          [cli, '--json-log', 'download', state, '--format', format, '--out', out],
          { env },
        );
        // The command's own time (its `done` event), from its action's start to the file in place.
        const done = stderr
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { event?: string; elapsedMs?: number })
          .find((event) => event.event === 'done');
        if (done?.elapsedMs === undefined)
          throw new Error(`care-analytics download --format ${format}: no done event`);
        if ((await stat(out)).size === 0)
          throw new Error(`care-analytics download --format ${format} wrote nothing`);
        await rm(out);
        return done.elapsedMs / 1000;
      };
      await library(); // warm-up: page cache, server
      const { ratios } = await interleavedTimed(rounds, library, command);
      report({
        what: `CLI \`download --format ${format}\` (${produced} export, ${label})`,
        baseline: '`job.downloadToFile()` of the same export',
        ratios,
        target: 0.9,
        note: 'each side timed by itself: start-up excluded',
      });
    }
  } finally {
    await server.stop();
  }
}
