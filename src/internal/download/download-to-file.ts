import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { DownloadResult } from '../../types/download-result.js';
import type { SavedFile } from '../../types/saved-file.js';
import { abortError } from '../async/abort-error.js';

/**
 * Streams the export to a temp file beside the target (same directory, so the final rename is
 * atomic on one filesystem) and renames it only once every byte arrived. On failure or abort
 * the temp file is removed and an existing target is left as it was.
 */
export async function downloadToFile(
  download: (signal?: AbortSignal) => Promise<DownloadResult>,
  path: string,
  signal?: AbortSignal,
): Promise<SavedFile> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
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
      createWriteStream(temp, { flags: 'wx' }),
      signal ? { signal } : {},
    );
    await rename(temp, target);
    return { path: target, bytes };
  } catch (error) {
    await rm(temp, { force: true });
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
