import { checkBlockingWriteMs } from '../../files/check-blocking-write.js';
import { resolveFileTarget } from '../../files/file-target.js';
import { writeAtomically } from '../../files/write-atomically.js';
import { writeChunks } from '../../files/write-chunks.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { SavedFile } from '../../types/saved-file.js';
import { abortError } from '../async/abort-error.js';

/**
 * Streams the export into `path` through `writeAtomically`: the file appears only once every byte
 * arrived and passed the download's checks; on failure or abort an existing target is left as it
 * was. A target that is not a regular file is refused before anything is sent; a symbolic link
 * is written through (the file it points to is replaced, the link stays). Each chunk is released
 * once written, so the storage connection reads the next ones into the same memory.
 */
export async function downloadToFile(
  download: (signal?: AbortSignal) => Promise<DownloadResult>,
  path: string,
  options: { readonly signal?: AbortSignal | undefined; readonly blockingWriteMs?: number | undefined },
): Promise<SavedFile> {
  const { signal } = options;
  const blockingWriteMs = checkBlockingWriteMs(options.blockingWriteMs);
  const target = resolveFileTarget(path);
  try {
    return await writeAtomically(target, async (fd) => {
      const result = await download(signal);
      const onWritten = (chunk: Buffer) => result.release(chunk);
      const bytes = await writeChunks(result.readable, fd, { signal, blockingWriteMs, onWritten });
      return { path: target.path, bytes };
    });
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
