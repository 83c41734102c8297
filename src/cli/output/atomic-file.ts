import { closeSync, mkdirSync, openSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { resolveFileTarget, tempPathFor, writeAtomically } from '../../files/index.js';
import { UsageError } from '../errors/usage-error.js';

// Temp files still open and directories created for them, removed synchronously if the process
// exits in the middle (a second Ctrl-C, an uncaught error), so an interrupted export leaves
// nothing behind.
const liveTempFiles = new Set<string>();
const liveDirectories = new Set<() => void>();
process.once('exit', () => {
  for (const path of liveTempFiles) rmSync(path, { force: true });
  for (const remove of liveDirectories) remove();
});

/**
 * Creates the missing directories above `target`; returns a function that removes those (and
 * only those) again, deepest first, as long as they are empty.
 */
function createDirectories(target: string): () => void {
  const parent = dirname(target);
  const first = mkdirSync(parent, { recursive: true });
  if (first === undefined) return () => {};
  const created: string[] = [first];
  for (const part of relative(first, parent).split(sep).filter(Boolean)) {
    created.push(`${created.at(-1)}${sep}${part}`);
  }
  return () => {
    for (const directory of created.reverse()) {
      try {
        rmdirSync(directory);
      } catch {
        return; // not empty (someone else wrote there) or already gone
      }
    }
  };
}

/**
 * Checks that `writeFileAtomically(target)` will be able to write, before a report is started:
 * the target must be a new or regular file, and its directory writable. Leaves nothing behind.
 */
export function assertWritable(target: string): void {
  const { path } = resolveFileTarget(target, '--out');
  let removeDirectories = () => {};
  const temp = tempPathFor(path);
  try {
    removeDirectories = createDirectories(path);
    closeSync(openSync(temp, 'wx', 0o600));
    rmSync(temp, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      `--out: cannot write ${target} (${reason}); choose a writable file or directory`,
      '--out',
    );
  } finally {
    removeDirectories();
  }
}

/**
 * `writeAtomically` (khoros-care-analytics/files) for `--out`: the missing directories above
 * `target` are created first, and on any failure or abort they are removed again with the temp
 * file, so an existing `target` is untouched and nothing is left behind.
 */
export async function writeFileAtomically<T>(target: string, write: (fd: number) => Promise<T>): Promise<T> {
  const file = resolveFileTarget(target, '--out');
  const removeDirectories = createDirectories(file.path);
  liveDirectories.add(removeDirectories);
  let done = false;
  try {
    const result = await writeAtomically(file, write, (temp) => {
      liveTempFiles.add(temp);
      return () => liveTempFiles.delete(temp);
    });
    done = true;
    return result;
  } finally {
    liveDirectories.delete(removeDirectories);
    if (!done) removeDirectories();
  }
}
