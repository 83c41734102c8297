import { chmodSync, createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { finalMode, resolveFileTarget } from '../../files/file-target.js';
import { removeStaleTemps, tempPathFor } from '../../files/temp-file.js';
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
  const file = createWriteStream(temp, { fd: openSync(temp, 'wx', 0o600) });
  let bytes = 0;
  try {
    const { body } = await download(signal);
    const count = async function* (chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    };
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      count,
      file,
      signal ? { signal } : {},
    );
    chmodSync(temp, finalMode(target));
    renameSync(temp, target.path);
    return { path: target.path, bytes };
  } catch (error) {
    file.destroy();
    rmSync(temp, { force: true });
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
