// Which thread writes: the calling one while each write returns within blockingWriteMs, libuv's
// thread pool after a write that took longer, or always with 0. Observed through node:fs (both
// write functions wrapped, still writing) and a stubbed clock, so no test depends on the disk.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeChunks } from '../../src/files/index.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writev: vi.fn(real.writev), writevSync: vi.fn(real.writevSync) };
});

let dir: string;
let fd: number;
let path: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'write-chunks-thread-'));
  path = join(dir, 'out');
  fd = fs.openSync(path, 'w');
  vi.mocked(fs.writev).mockClear();
  vi.mocked(fs.writevSync).mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.closeSync(fd);
  fs.rmSync(dir, { recursive: true, force: true });
});

const chunks = Array.from({ length: 12 }, (_, i) => Buffer.alloc(50_000 + i, i));
const expected = Buffer.concat(chunks);

/** performance.now() as the writer sees it: each write takes `ms[k]` (then 0). */
function writesTaking(...ms: number[]): void {
  let clock = 0;
  let reads = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    // Two reads a write: before it, and after it.
    const write = Math.floor(reads / 2);
    if (reads++ % 2 === 1) clock += ms[write] ?? 0;
    return clock;
  });
}

describe('writeChunks: which thread writes', () => {
  it('writes on the calling thread while writes are fast', async () => {
    writesTaking(1, 19, 0.5);
    expect(await writeChunks(Readable.from(chunks), fd)).toBe(expected.length);
    expect(fs.readFileSync(path).equals(expected)).toBe(true);
    expect(vi.mocked(fs.writevSync)).toHaveBeenCalledTimes(chunks.length);
    expect(vi.mocked(fs.writev)).not.toHaveBeenCalled();
  });

  it('sends every write after one slower than blockingWriteMs to the thread pool', async () => {
    writesTaking(1, 2, 21);
    expect(await writeChunks(Readable.from(chunks), fd)).toBe(expected.length);
    expect(fs.readFileSync(path).equals(expected)).toBe(true);
    expect(vi.mocked(fs.writevSync)).toHaveBeenCalledTimes(3);
    expect(vi.mocked(fs.writev)).toHaveBeenCalled();
  });

  it('keeps a larger budget it is given', async () => {
    writesTaking(1, 2, 21, 99);
    await writeChunks(Readable.from(chunks), fd, { blockingWriteMs: 100 });
    expect(vi.mocked(fs.writevSync)).toHaveBeenCalledTimes(chunks.length);
    expect(vi.mocked(fs.writev)).not.toHaveBeenCalled();
  });

  it('with blockingWriteMs 0, writes only in the thread pool', async () => {
    expect(await writeChunks(Readable.from(chunks), fd, { blockingWriteMs: 0 })).toBe(expected.length);
    expect(fs.readFileSync(path).equals(expected)).toBe(true);
    expect(vi.mocked(fs.writevSync)).not.toHaveBeenCalled();
    expect(vi.mocked(fs.writev)).toHaveBeenCalled();
  });

  it('writes map and flush output in order on the calling thread too', async () => {
    const source = Readable.from([Buffer.from('ab'), Buffer.from('cd')]);
    const bytes = await writeChunks(source, fd, {
      map: (c) => [c.subarray(1), Buffer.from('|')],
      flush: () => Buffer.from('end'),
    });
    expect(fs.readFileSync(path, 'utf8')).toBe('b|d|end');
    expect(bytes).toBe(7);
    expect(vi.mocked(fs.writev)).not.toHaveBeenCalled();
  });
});
