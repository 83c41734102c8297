import { chmodSync, closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { finalMode, resolveFileTarget } from '../../files/file-target.js';
import { removeStaleTemps, tempPathFor } from '../../files/temp-file.js';
import { writeChunks } from '../../files/write-chunks.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { SavedFile } from '../../types/saved-file.js';
import { abortError } from '../async/abort-error.js';

/**
 * Streams the export to a private (0600) temp file beside the target (same directory, so the
 * final rename is atomic on one filesystem) and renames it only once every byte arrived and
 * passed the download's checks. On failure or abort the temp file is removed and an existing
 * target is left as it was. A target that is not a regular file is refused before anything is
 * sent; a symbolic link is written through (the file it points to is replaced, the link stays).
 */
export async function downloadToFile(
  download: (signal?: AbortSignal) => Promise<DownloadResult>,
  path: string,
  signal?: AbortSignal,
): Promise<SavedFile> {
  const target = resolveFileTarget(path);
  removeStaleTemps(target.path);
  const temp = tempPathFor(target.path);
  // Created before the request, synchronously: a cleanup below can never race its creation.
  const fd = openSync(temp, 'wx', 0o600);
  let open = true;
  try {
    const { readable } = await download(signal);
    const bytes = await writeChunks(readable, fd, { signal });
    open = false;
    closeSync(fd);
    chmodSync(temp, finalMode(target));
    renameSync(temp, target.path);
    return { path: target.path, bytes };
  } catch (error) {
    if (open) closeSync(fd);
    rmSync(temp, { force: true });
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
