import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A character device to point a download at. As root (containers, CI) a fresh node in `dir`
 * (a copy of /dev/null's): a regression must never replace the machine's own /dev/null. As
 * another user, /dev/null itself, which such a user cannot replace.
 */
export function characterDevice(dir: string, name = 'device.csv'): string {
  if (process.getuid?.() !== 0) return '/dev/null';
  const path = join(dir, name);
  execFileSync('mknod', ['-m', '666', path, 'c', '1', '3']);
  return path;
}

export function fifo(dir: string, name = 'pipe.csv'): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}
