import { Transform } from 'node:stream';

/** What a rewriter gives for the output: bytes, several buffers in order, or nothing yet. */
export type RewrittenBytes = Uint8Array | readonly Uint8Array[] | undefined;

/**
 * One stage between the download and the output, chunk by chunk: it may count what passes
 * (returning the chunk itself) or rewrite it (returning other bytes, or nothing yet). A chunk is
 * the rewriter's to keep and edit in place: the download hands each one over once. `end()` gives
 * the bytes still held back, or throws when the body ended broken. A plain object rather than a
 * Transform stream, so that the file writer calls it directly on each chunk it writes.
 */
export interface ChunkRewriter {
  push(chunk: Buffer): RewrittenBytes;
  end(): RewrittenBytes;
}

/** The rewriter as a Transform stream, for outputs that are streams (stdout). */
export function transformOf(rewriter: ChunkRewriter): Transform {
  const stage: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        pushAll(rewriter.push(chunk));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        pushAll(rewriter.end());
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  const pushAll = (bytes: RewrittenBytes): void => {
    if (!bytes) return;
    if (bytes instanceof Uint8Array) {
      if (bytes.byteLength > 0) stage.push(bytes);
    } else {
      for (const part of bytes) pushAll(part);
    }
  };
  return stage;
}
