import { Transform } from 'node:stream';

/**
 * One stage between the download and the output, chunk by chunk: it may count what passes
 * (returning the chunk itself) or rewrite it (returning other bytes, or nothing yet). `end()` gives
 * the bytes still held back, or throws when the body ended broken. A plain object rather than a
 * Transform stream, so that the file writer calls it directly on each chunk it writes.
 */
export interface ChunkRewriter {
  push(chunk: Buffer): Uint8Array | undefined;
  end(): Uint8Array | undefined;
}

/** The rewriter as a Transform stream, for outputs that are streams (stdout). */
export function transformOf(rewriter: ChunkRewriter): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        callback(null, rewriter.push(chunk));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        callback(null, rewriter.end());
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
