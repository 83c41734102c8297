// The file writer behind downloadToFile and the CLI's --out: every byte in order; in the thread
// pool, chunks that arrive during a write go out together and the source is paused while a
// megabyte waits; any failure (source, map, flush, abort) rejects and destroys the source. Which
// thread writes: write-chunks-thread.test.ts.
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/files/index.js';

let dir: string;
let fd: number;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-chunks-'));
  path = join(dir, 'out');
  fd = openSync(path, 'w');
});
afterEach(() => {
  try {
    closeSync(fd);
  } catch {
    // closed by the test
  }
  rmSync(dir, { recursive: true, force: true });
});

const chunk = (size: number, fill: number) => Buffer.alloc(size, fill);

describe('writeChunks', () => {
  it('writes every chunk in order and resolves with the byte count', async () => {
    const chunks = Array.from({ length: 200 }, (_, i) => chunk(10_000 + i, i % 256));
    const bytes = await writeChunks(Readable.from(chunks), fd);
    const expected = Buffer.concat(chunks);
    expect(bytes).toBe(expected.length);
    expect(readFileSync(path).equals(expected)).toBe(true);
  });

  it('writes what map returns instead of the chunk, and flush last', async () => {
    const source = Readable.from([Buffer.from('ab'), Buffer.from('cd'), Buffer.from('ef')]);
    const bytes = await writeChunks(source, fd, {
      map: (c) => (c.toString() === 'cd' ? undefined : Buffer.from(c.toString().toUpperCase())),
      flush: () => Buffer.from('!'),
    });
    expect(bytes).toBe(5);
    expect(readFileSync(path, 'utf8')).toBe('ABEF!');
  });

  it('writes the buffers of a list that map or flush returns, in order', async () => {
    const source = Readable.from([Buffer.from('ab'), Buffer.from('cd'), Buffer.from('ef')]);
    const bytes = await writeChunks(source, fd, {
      map: (c) =>
        c.toString() === 'cd' ? [] : [c.subarray(0, 1), Buffer.alloc(0), Buffer.from('-'), c.subarray(1)],
      flush: () => [Buffer.from('!'), Buffer.from('?')],
    });
    expect(readFileSync(path, 'utf8')).toBe('a-be-f!?');
    expect(bytes).toBe(8);
  });

  it.each([0, 20])(
    'tells onWritten of each chunk once its bytes are in the file, blockingWriteMs %d',
    async (ms) => {
      const chunks = Array.from({ length: 40 }, (_, i) => chunk(50_000 + i, i));
      const told: { chunk: Buffer; fileBytes: number }[] = [];
      const bytes = await writeChunks(Readable.from(chunks), fd, {
        blockingWriteMs: ms,
        onWritten: (c) => told.push({ chunk: c, fileBytes: fstatSync(fd).size }),
      });
      expect(bytes).toBe(Buffer.concat(chunks).length);
      expect(told.map((t) => t.chunk)).toEqual(chunks);
      let end = 0;
      for (const { chunk: c, fileBytes } of told) {
        end += c.length;
        expect(fileBytes).toBeGreaterThanOrEqual(end);
      }
    },
  );

  it.each([0, 20])('tells onWritten of nothing a failed write held, blockingWriteMs %d', async (ms) => {
    closeSync(fd);
    const told: Buffer[] = [];
    const source = Readable.from([Buffer.from('a'), Buffer.from('b')]);
    await expect(
      writeChunks(source, fd, { blockingWriteMs: ms, onWritten: (c) => told.push(c) }),
    ).rejects.toMatchObject({ code: 'EBADF' });
    expect(told).toEqual([]);
  });

  it('in the thread pool, pauses the source while a megabyte waits for the disk, and resumes it', async () => {
    const source = new PassThrough();
    const pending = writeChunks(source, fd, { blockingWriteMs: 0 });
    let pausedSeen = 0;
    // Written synchronously, these pile up behind the first write: the writer must pause the source.
    for (let i = 0; i < 40; i++) {
      source.write(chunk(64 * 1024, i));
      if (source.isPaused()) pausedSeen++;
    }
    source.end();
    expect(pausedSeen).toBeGreaterThan(0);
    expect(await pending).toBe(40 * 64 * 1024);
    expect(readFileSync(path).length).toBe(40 * 64 * 1024);
  });

  it('rejects with the source error and writes nothing after it', async () => {
    const source = new PassThrough();
    const pending = writeChunks(source, fd);
    source.write(Buffer.from('kept'));
    source.destroy(new Error('connection reset'));
    await expect(pending).rejects.toThrow('connection reset');
  });

  it('rejects with an error thrown by map or flush, destroying the source', async () => {
    const source = Readable.from([Buffer.from('a'), Buffer.from('b')]);
    await expect(
      writeChunks(source, fd, {
        map: () => {
          throw new Error('not an export');
        },
      }),
    ).rejects.toThrow('not an export');
    expect(source.destroyed).toBe(true);
    const ended = Readable.from([Buffer.from('a')]);
    await expect(
      writeChunks(ended, fd, {
        flush: () => {
          throw new Error('array not closed');
        },
      }),
    ).rejects.toThrow('array not closed');
  });

  it('rejects on abort with the signal reason and destroys the source', async () => {
    const controller = new AbortController();
    const source = new PassThrough();
    const pending = writeChunks(source, fd, { signal: controller.signal });
    source.write(Buffer.from('x'));
    controller.abort(new Error('stopped by the user'));
    await expect(pending).rejects.toThrow('stopped by the user');
    expect(source.destroyed).toBe(true);
    // A source that fails after the abort has a listener: no unhandled error event.
    source.emit('error', new Error('late'));
  });

  it('rejects at once for a signal aborted before the start', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(
      writeChunks(Readable.from([Buffer.from('x')]), fd, { signal: controller.signal }),
    ).rejects.toThrow('too late');
  });

  it.each([0, 20])('rejects with the write error (a closed descriptor), blockingWriteMs %d', async (ms) => {
    closeSync(fd);
    const source = Readable.from([Buffer.from('x')]);
    await expect(writeChunks(source, fd, { blockingWriteMs: ms })).rejects.toMatchObject({ code: 'EBADF' });
    expect(source.destroyed).toBe(true);
  });

  it.each([-1, Number.NaN])('refuses blockingWriteMs %d before writing anything', async (ms) => {
    const source = Readable.from([Buffer.from('x')]);
    await expect(writeChunks(source, fd, { blockingWriteMs: ms })).rejects.toMatchObject({
      name: 'ValidationError',
      parameter: 'blockingWriteMs',
    });
    expect(source.destroyed).toBe(true);
    expect(readFileSync(path).length).toBe(0);
  });
});
