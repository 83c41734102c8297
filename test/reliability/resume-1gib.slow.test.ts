// A 1 GiB export cut at 90% resumes with a Range request and transfers only the missing 10%:
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
  it('cut at 90%, it transfers only the missing 10% and ends byte-identical', {
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
    expect(sent).toEqual([
      { range: undefined, status: 200, bytes: CUT },
      { range: `bytes=${CUT}-`, status: 206, bytes: SIZE - CUT },
    ]);
    const total = sent.reduce((sum, s) => sum + s.bytes, 0);
    console.info(
      `1 GiB resume: storage sent ${total} bytes for a ${SIZE}-byte file (first ${sent[0]?.bytes}, resumed ${sent[1]?.bytes} = ${(((sent[1]?.bytes ?? 0) / SIZE) * 100).toFixed(1)}%)`,
    );
    expect(total).toBe(SIZE);
    expect(await sha256OfFile(target)).toBe(sha256OfExport());
  });
});
