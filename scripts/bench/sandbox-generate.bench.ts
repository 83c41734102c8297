// Is the sandbox's data generator fast enough never to be the bottleneck of a download (issue 4)?
// In the same run, per report shape, this measures (a) generation into a sink that drops every
// chunk, and (b) a plain loopback download of the same number of bytes: a bare node:http server in
// a child process writing a pre-built buffer, read here with fetch. generation ÷ download ≥ 1 means
// the generator outpaces what loopback HTTP can carry, so a client downloading from the sandbox
// measures itself, not the sandbox. The absolute target of 200 MB/s in constant memory is printed
// too. Each figure is the best of three runs; the process exits 1 only if a ratio is below 1.
import { Writable } from 'node:stream';
import { type ExportFormat, generateChunks, type ReportType } from '../../src/sandbox/index.js';
import { download, fastest, MB, mbPerSecond, startBareServer, type Timed } from './support/loopback.js';

const TARGET_MB_S = 200;
const RUNS = 3;
const DAY = 86_400_000;
const start = Date.UTC(2024, 0, 1);
const data = { seed: 1, rowsPerDay: 400_000, teams: 4, agents: 24 };
const shapes: readonly { type: ReportType; format: ExportFormat; timezone?: string }[] = [
  { type: 'conversation', format: 'csv', timezone: 'America/Chicago' },
  { type: 'conversation', format: 'json', timezone: 'America/Chicago' },
  { type: 'raw_agent_states', format: 'csv' },
  { type: 'raw_agent_states', format: 'json' },
];

/** Takes every chunk and drops it, with a stream's backpressure contract. */
function nullSink(): Writable {
  return new Writable({
    highWaterMark: 1 << 20,
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

async function generate(
  shape: (typeof shapes)[number],
  days: number,
): Promise<Timed & { heapGrowth: number }> {
  const sink = nullSink();
  const params = { startTime: start, endTime: start + days * DAY, timezone: shape.timezone };
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let bytes = 0;
  let n = 0;
  const began = performance.now();
  for (const chunk of generateChunks(shape.type, params, data, shape.format)) {
    bytes += chunk.length;
    if (!sink.write(chunk)) await new Promise((r) => sink.once('drain', r));
    if (++n % 256 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  await new Promise<void>((r) => sink.end(r));
  return { bytes, ms: performance.now() - began, heapGrowth: heapPeak - heapBefore };
}

let belowDownload = 0;
let belowTarget = 0;
for (const shape of shapes) {
  const name = `${shape.type} ${shape.format}`;
  // Warm-ups, not timed: the JIT sees the hot loops, the connection pool gets its socket.
  await generate(shape, 1);
  const { bytes } = await generate(shape, 1);
  const server = await startBareServer(bytes);
  const url = server.info.url as string;
  await download(url);
  // Generation and download alternate, so both see the same neighbours on a shared machine.
  const generations = [];
  const downloads = [];
  for (let run = 0; run < RUNS; run++) {
    generations.push(await generate(shape, 1));
    downloads.push(await download(url));
  }
  await server.stop();
  const generated = fastest(generations);
  const downloaded = fastest(downloads);
  const heapGrowth = Math.max(...generations.map((g) => g.heapGrowth));
  if (downloaded.bytes !== generated.bytes) throw new Error(`${name}: downloaded ${downloaded.bytes} bytes`);

  const ratio = mbPerSecond(generated) / mbPerSecond(downloaded);
  if (ratio < 1) belowDownload++;
  if (mbPerSecond(generated) < TARGET_MB_S) belowTarget++;
  console.log(
    `${name.padEnd(21)} ${(generated.bytes / MB).toFixed(0).padStart(4)} MB  generated ` +
      `${mbPerSecond(generated).toFixed(0).padStart(4)} MB/s, loopback download ` +
      `${mbPerSecond(downloaded).toFixed(0).padStart(4)} MB/s: ratio ${ratio.toFixed(2)} ` +
      `${ratio >= 1 ? '(generation is not the bottleneck)' : '(GENERATION IS THE BOTTLENECK)'}; ` +
      `${mbPerSecond(generated) >= TARGET_MB_S ? 'meets' : 'MISSES'} ${TARGET_MB_S} MB/s; ` +
      `heap growth ${(heapGrowth / MB).toFixed(1)} MB`,
  );
}
console.log(
  `${shapes.length - belowDownload}/${shapes.length} shapes generate faster than loopback HTTP downloads them; ` +
    `${shapes.length - belowTarget}/${shapes.length} meet ${TARGET_MB_S} MB/s`,
);
process.exit(belowDownload ? 1 : 0);
