import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

// Temp files still open, removed synchronously if the process exits in the middle (a second
// Ctrl-C, an uncaught error), so an interrupted export never leaves a `.part` file behind.
const liveTempFiles = new Set<string>();
process.once('exit', () => {
  for (const path of liveTempFiles) rmSync(path, { force: true });
});

/**
 * Runs `write` against a temp file beside `target` and renames it into place only when `write`
 * resolves. On any failure or abort the temp file is removed and an existing `target` is untouched.
 */
export async function writeFileAtomically<T>(
  target: string,
  write: (file: Writable) => Promise<T>,
): Promise<T> {
  const directory = dirname(target);
  mkdirSync(directory, { recursive: true });
  const temp = join(directory, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  liveTempFiles.add(temp);
  try {
    // Opened synchronously so the file exists before anything can fail: an asynchronous open could
    // create it after the cleanup below already ran.
    const file = createWriteStream(temp, { fd: openSync(temp, 'wx') });
    const result = await write(file);
    renameSync(temp, target);
    liveTempFiles.delete(temp);
    return result;
  } finally {
    if (liveTempFiles.delete(temp)) rmSync(temp, { force: true });
  }
}
