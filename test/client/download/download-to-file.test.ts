import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../../src/index.js';
import { exportServers } from '../support/export-servers.js';

let dir: string;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-dl-'));
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await rm(dir, { recursive: true, force: true });
});

const CSV = 'a,b\n1,2\n';

describe('downloadToFile()', () => {
  it('writes the file through a temp file and leaves nothing else behind', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': CSV.length }).end(CSV);
    });
    close = servers.close;
    const target = join(dir, 'out.csv');
    await expect(servers.job().downloadToFile(target)).resolves.toEqual({ path: target, bytes: CSV.length });
    expect(await readFile(target, 'utf8')).toBe(CSV);
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('writes the same file with every write in the thread pool (blockingWriteMs 0)', async () => {
    const body = 'a,b\n'.repeat(200_000);
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    close = servers.close;
    const target = join(dir, 'out.csv');
    await expect(servers.job().downloadToFile(target, { blockingWriteMs: 0 })).resolves.toEqual({
      path: target,
      bytes: body.length,
    });
    expect(await readFile(target, 'utf8')).toBe(body);
  });

  it.each([-1, Number.NaN])('refuses blockingWriteMs %d before any request, naming it', async (ms) => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': CSV.length }).end(CSV);
    });
    close = servers.close;
    await expect(
      servers.job().downloadToFile(join(dir, 'out.csv'), { blockingWriteMs: ms }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      parameter: 'blockingWriteMs',
    });
    expect(servers.downloads()).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('on a cut body removes the temp file and keeps the existing target untouched', async () => {
    const servers = await exportServers((_req, res) => {
      res.writeHead(200, { 'content-length': 100_000 });
      res.write('x'.repeat(10_000));
      setTimeout(() => res.destroy(), 20);
    });
    close = servers.close;
    const target = join(dir, 'out.csv');
    await writeFile(target, 'previous export');
    await expect(servers.job().downloadToFile(target)).rejects.toBeInstanceOf(ConnectionError);
    expect(await readFile(target, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('on abort rejects with AbortError, removes the temp file, creates no target', async () => {
    const controller = new AbortController();
    const servers = await exportServers((_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(32 * 1024));
      setTimeout(() => controller.abort(), 20); // then the body stalls
    });
    close = servers.close;
    const target = join(dir, 'out.csv');
    await expect(servers.job().downloadToFile(target, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not create the target when /download itself fails', async () => {
    const servers = await exportServers(() => {}, {
      direct: (_req, res) => {
        res.writeHead(404).end();
      },
    });
    close = servers.close;
    await expect(servers.job().downloadToFile(join(dir, 'out.csv'))).rejects.toMatchObject({ status: 404 });
    expect(await readdir(dir)).toEqual([]);
  });
});
