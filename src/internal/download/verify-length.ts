import { ConnectionError } from '../../errors/connection-error.js';
import { abortError } from '../async/abort-error.js';

/**
 * Passes the body through chunk by chunk (pull-based: nothing is buffered beyond what the
 * consumer asks for), turning a cut or short body into a ConnectionError and an abort into
 * AbortError. The length check is skipped for encoded bodies: fetch decompresses them, so
 * Content-Length counts other bytes than we see.
 */
export function verifiedBody(
  source: ReadableStream<Uint8Array>,
  response: Response,
  url: string,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const encoding = response.headers.get('content-encoding');
  const declared = response.headers.get('content-length');
  const expected = declared !== null && (!encoding || encoding === 'identity') ? Number(declared) : undefined;
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw signal?.aborted
          ? abortError(signal)
          : new ConnectionError(`Download interrupted after ${received} bytes`, url, { cause: error });
      }
      if (chunk.done) {
        if (expected !== undefined && received !== expected) {
          throw new ConnectionError(
            `Download incomplete: got ${received} of ${expected} bytes (Content-Length)`,
            url,
          );
        }
        controller.close();
        return;
      }
      received += chunk.value.byteLength;
      if (expected !== undefined && received > expected) {
        await reader.cancel().catch(() => {});
        throw new ConnectionError(`Download larger than its Content-Length of ${expected} bytes`, url);
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

export function declaredLength(response: Response): number | undefined {
  const value = response.headers.get('content-length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
