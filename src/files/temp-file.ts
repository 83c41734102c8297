import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// `.<name>.<pid>-<hex>.part`: the pid says which process owns a temp file, so a later download
// to the same path can remove the ones left by a process that was killed mid-transfer.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fresh temp path beside `target` (same directory: the final rename stays atomic). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.part`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files of `target` whose owning process no longer exists; returns their names. */
export function removeStaleTemps(target: string): string[] {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(\\d+)-[0-9a-f]+\\.part$`);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dirname(target), name), { force: true });
    removed.push(name);
  }
  return removed;
}
