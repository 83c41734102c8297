// A 1 GiB export cut at 90% resumes with a Range request and transfers only the missing 10% (plus
// at most 1 MiB that was in flight at the cut):
// the bytes storage sends are counted, and the file ends byte-identical (sha256). The bytes are
// generated on the fly, never held in memory, never committed.
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { JOB } from '../client/support/export-servers.js';
import { type LocalServer, localServer } from '../client/support/local-server.js';
import { credentials } from '../client/support/observed-fetch.js';

const BLOCK = 64 * 1024;
const SIZE = 1024 * 1024 * 1024;
const CUT = Math.floor(SIZE * 0.9);
/** At most this much of what storage wrote before the cut may be lost in flight and sent again. */
const SLACK_IN_FLIGHT = 1024 * 1024;

/** Block `index` of the export: a csv line numbered by its block, 64 KiB long. */
function block(index: number): Buffer {
  const line = Buffer.alloc(BLOCK, 0x78); // 'x'
  line.write(`${String(index).padStart(10, '0')},`, 0, 'latin1');
  line[BLOCK - 1] = 0x0a;
  return line;
}

/** Writes bytes [from, to) of the export with backpressure; resolves with the count written. */
async function writeRange(res: ServerResponse, from: number, to: number): Promise<number> {
  let offset = from;
  while (offset < to) {
    const index = Math.floor(offset / BLOCK);
    const chunk = block(index).subarray(offset - index * BLOCK, Math.min(BLOCK, to - index * BLOCK));
    offset += chunk.length;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    if (res.destroyed) break;
  }
  await new Promise<void>((resolve) => res.write('', () => resolve()));
  return offset - from;
}

let api: LocalServer;
let storage: LocalServer;
let dir: string;
const sent: { range: string | undefined; status: number; bytes: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-rel-1gib-'));
  storage = await localServer(async (req, res) => {
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      res.writeHead(206, {
        'content-type': 'text/csv',
        'content-length': SIZE - from,
        'content-range': `bytes ${from}-${SIZE - 1}/${SIZE}`,
      });
      const bytes = await writeRange(res, from, SIZE);
      sent.push({ range: req.headers.range, status: 206, bytes });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': SIZE });
    const first = sent.length === 0;
    const bytes = await writeRange(res, 0, first ? CUT : SIZE);
    sent.push({ range: undefined, status: 200, bytes });
    if (first) res.destroy();
    else res.end();
  });
  api = await localServer((_req, res) => {
    res.writeHead(307, { location: `${storage.url}/exports/big.csv?X-Amz-Signature=s` }).end();
  });
});
afterAll(async () => {
  await Promise.all([api?.close(), storage?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

function sha256OfExport(): string {
  const hash = createHash('sha256');
  for (let index = 0; index < SIZE / BLOCK; index++) hash.update(block(index));
  return hash.digest('hex');
}

describe('resuming a 1 GiB download', () => {
  it('cut at 90%, it transfers only the missing 10% (and what was in flight) and ends byte-identical', {
    timeout: 600_000,
  }, async () => {
    const ca = createCareAnalytics({
      baseUrl: `${api.url}/api/public`,
      ...credentials,
      retry: { baseDelayMs: 1, backoffLimitMs: 5 },
    });
    const target = join(dir, 'big.csv');
    const saved = await ca.reports.resume({ ...JOB, format: 'csv' }).downloadToFile(target);
    expect(saved.bytes).toBe(SIZE);
    expect(readdirSync(dir)).toEqual(['big.csv']);
    // The resume asks from exactly what the client received. That can be a little less than what
    // storage wrote before the cut: bytes still in the socket and body buffers when the connection
    // breaks are gone with it, never written to the file.
    const [first, resumed] = sent;
    const from = CUT - SLACK_IN_FLIGHT;
    expect(sent).toHaveLength(2);
    expect(first).toEqual({ range: undefined, status: 200, bytes: CUT });
    const start = Number(/^bytes=(\d+)-$/.exec(resumed?.range ?? '')?.[1]);
    expect(start).toBeGreaterThanOrEqual(from);
    expect(start).toBeLessThanOrEqual(CUT);
    expect(resumed).toEqual({ range: `bytes=${start}-`, status: 206, bytes: SIZE - start });
    const total = sent.reduce((sum, s) => sum + s.bytes, 0);
    console.info(
      `1 GiB resume: storage sent ${total} bytes for a ${SIZE}-byte file (first ${first?.bytes}, resumed from ${start}: ${resumed?.bytes} bytes = ${(((resumed?.bytes ?? 0) / SIZE) * 100).toFixed(2)}%)`,
    );
    expect(total - SIZE).toBeLessThanOrEqual(SLACK_IN_FLIGHT);
    expect(await sha256OfFile(target)).toBe(sha256OfExport());
  });
});
