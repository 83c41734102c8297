import { chmodSync, closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { type FileTarget, finalMode } from './file-target.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';

/**
 * Runs `write` on a new private (0600) temp file beside `target` (same directory, so the final
 * rename is atomic on one filesystem), given its open descriptor, which is closed here. Only once
 * `write` resolves is the temp file renamed into place, with the mode of the file it replaces (or
 * a new file's default); a symbolic link is written through. On any failure the temp file is
 * removed and an existing target is left as it was. `track`, if given, is told the temp path
 * while it exists and returns what to call once it is gone (the CLI removes a temp file left by
 * a process that exits mid-write).
 */
export async function writeAtomically<T>(
  target: FileTarget,
  write: (fd: number) => Promise<T>,
  track?: (temp: string) => () => void,
): Promise<T> {
  removeStaleTemps(target.path);
  const temp = tempPathFor(target.path);
  // Created before any request, synchronously: a cleanup below can never race its creation.
  const fd = openSync(temp, 'wx', 0o600);
  const untrack = track?.(temp);
  let renamed = false;
  try {
    let result: T;
    try {
      result = await write(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, finalMode(target));
    renameSync(temp, target.path);
    renamed = true;
    return result;
  } finally {
    if (!renamed) rmSync(temp, { force: true });
    untrack?.();
  }
}
