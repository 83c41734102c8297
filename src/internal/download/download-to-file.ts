import { checkBlockingWriteMs } from '../../files/check-blocking-write.js';
import { resolveFileTarget } from '../../files/file-target.js';
import { writeAtomically } from '../../files/write-atomically.js';
import { writeChunks } from '../../files/write-chunks.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { SavedFile } from '../../types/saved-file.js';
import { abortError } from '../async/abort-error.js';
import { giveBack } from '../transport/read-buffers.js';

/**
 * Streams the export into `path` through `writeAtomically`: the file appears only once every byte
 * arrived and passed the download's checks; on failure or abort an existing target is left as it
 * was. A target that is not a regular file is refused before anything is sent; a symbolic link
 * is written through (the file it points to is replaced, the link stays). Each chunk is given
 * back to the storage connection once written, which then reads the next ones into the same
 * memory (read-buffers.ts).
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
      const { readable } = await download(signal);
      return {
        path: target.path,
        bytes: await writeChunks(readable, fd, { signal, blockingWriteMs, onWritten: giveBack }),
      };
    });
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
