import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { exportServers } from '../client/support/export-servers.js';
import { deadPid } from './support/dead-pid.js';
import { characterDevice, fifo } from './support/special-files.js';

const CSV = 'a,b\n1,2\n';
let dir: string;
let close: (() => Promise<void>) | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-rel-files-'));
});
afterEach(async () => {
  await close?.();
  close = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function servers(onStorage?: (dir: string) => void) {
  const s = await exportServers((_req, res) => {
    onStorage?.(dir);
    res.writeHead(200, { 'content-length': CSV.length, 'content-type': 'text/csv' }).end(CSV);
  });
  close = s.close;
  return s;
}

describe('downloadToFile() writes only regular files', () => {
  const nonRegular: [string, () => string][] = [
    ['a character device', () => characterDevice(dir)],
    ['a FIFO', () => fifo(dir)],
    ['a directory', () => dir],
    [
      'a symbolic link to a device',
      () => {
        symlinkSync(characterDevice(dir), join(dir, 'link.csv'));
        return join(dir, 'link.csv');
      },
    ],
  ];
  it.each(nonRegular)('refuses %s with ValidationError before any request', async (_name, make) => {
    const s = await servers();
    const target = make();
    const error = await s
      .job()
      .downloadToFile(target)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe('path');
    expect(s.api.requests).toHaveLength(0);
    expect(s.storage.requests).toHaveLength(0);
  });

  it('refuses a socket', async () => {
    const s = await servers();
    const path = join(dir, 'sock.csv');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      await expect(s.job().downloadToFile(path)).rejects.toBeInstanceOf(ValidationError);
      expect(s.api.requests).toHaveLength(0);
      expect(statSync(path).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('writes through a symbolic link: the file it points to is replaced, the link stays', async () => {
    const s = await servers();
    const real = join(dir, 'real.csv');
    writeFileSync(real, 'old');
    symlinkSync('real.csv', join(dir, 'link.csv'));
    await s.job().downloadToFile(join(dir, 'link.csv'));
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe('real.csv');
    expect(readFileSync(real, 'utf8')).toBe(CSV);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('keeps the mode of the file it replaces; the temp file is 0600 while the body arrives', async () => {
    const tempModes: number[] = [];
    const s = await servers((d) => {
      for (const name of readdirSync(d).filter((n) => n.endsWith('.part')))
        tempModes.push(statSync(join(d, name)).mode & 0o777);
    });
    const target = join(dir, 'private.csv');
    writeFileSync(target, 'old', { mode: 0o600 });
    await s.job().downloadToFile(target);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(tempModes).toEqual([0o600]);
    const shared = join(dir, 'shared.csv');
    writeFileSync(shared, 'old');
    execFileSync('chmod', ['0640', shared]);
    await s.job().downloadToFile(shared);
    expect(statSync(shared).mode & 0o777).toBe(0o640);
  });

  it('gives a new file the default mode (0666 less the umask)', async () => {
    const s = await servers();
    const target = join(dir, 'new.csv');
    await s.job().downloadToFile(target);
    expect(statSync(target).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('removes temp files left by processes that no longer exist, and only those', async () => {
    const s = await servers();
    const target = join(dir, 'out.csv');
    const stale = `.out.csv.${deadPid()}-0a1b2c.part`;
    const live = `.out.csv.${process.ppid}-0a1b2c.part`; // our parent is alive
    const other = `.other.csv.${deadPid()}-0a1b2c.part`;
    for (const name of [stale, live, other]) writeFileSync(join(dir, name), 'partial');
    await s.job().downloadToFile(target);
    expect(readdirSync(dir).sort()).toEqual([live, other, 'out.csv'].sort());
  });
});
