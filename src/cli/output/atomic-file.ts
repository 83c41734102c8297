import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors/usage-error.js';

// Temp files still open, removed synchronously if the process exits in the middle (a second
// Ctrl-C, an uncaught error), so an interrupted export never leaves a `.part` file behind.
const liveTempFiles = new Set<string>();
process.once('exit', () => {
  for (const path of liveTempFiles) rmSync(path, { force: true });
});

/**
 * Creates and removes a temp file where `writeFileAtomically(target)` will write, so that a
 * destination that cannot be written is refused before a report is started, not after it ran.
 */
export function assertWritable(target: string): void {
  const temp = tempPathFor(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    closeSync(openSync(temp, 'wx'));
    rmSync(temp, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      `--out: cannot write ${target} (${reason}); choose a writable file or directory`,
      '--out',
    );
  }
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
}

/**
 * Runs `write` against a temp file beside `target` and renames it into place only when `write`
 * resolves. On any failure or abort the temp file is removed and an existing `target` is untouched.
 */
export async function writeFileAtomically<T>(
  target: string,
  write: (file: Writable) => Promise<T>,
): Promise<T> {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
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
