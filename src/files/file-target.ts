import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ValidationError } from '../errors/validation-error.js';

/** Where an export is written: the regular file that ends up holding it, and its current mode. */
export interface FileTarget {
  /** The file replaced in the end; for a symbolic link, the file it points to (the link stays). */
  readonly path: string;
  /** Permission bits of the file being replaced; undefined when it does not exist yet. */
  readonly mode: number | undefined;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The end of a chain of links, even when it does not exist yet (a dangling link). */
function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    let current = path;
    for (let hop = 0; hop < 40; hop++) {
      let stats: Stats;
      try {
        stats = lstatSync(current);
      } catch {
        return current;
      }
      if (!stats.isSymbolicLink()) return current;
      current = resolve(dirname(current), readlinkSync(current));
    }
    return current;
  }
}

/**
 * Checks, before anything is sent, that `path` is a place an export may be written: a new file
 * or an existing regular file. A rename would otherwise replace a device node, a pipe or a
 * socket with a regular file (as root, `/dev/null` itself) and report success.
 */
export function resolveFileTarget(path: string, parameter = 'path'): FileTarget {
  const target = followLinks(resolve(path));
  let stats: Stats;
  try {
    stats = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: target, mode: undefined };
    throw new ValidationError(
      parameter,
      `${path} cannot be examined (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'pass the path of a regular file you may write',
    );
  }
  if (!stats.isFile()) {
    throw new ValidationError(
      parameter,
      `${path} is ${kindOf(stats)}, not a regular file`,
      'pass the path of a new or existing regular file (the CLI streams to stdout with --out -)',
    );
  }
  return { path: target, mode: stats.mode & 0o7777 };
}

/** The mode a finished export gets: that of the file it replaces, or what a new file would get. */
export function finalMode(target: FileTarget): number {
  return target.mode ?? 0o666 & ~process.umask();
}
