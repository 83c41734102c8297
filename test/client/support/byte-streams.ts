// Bodies for the row readers' tests: text cut into byte chunks anywhere (inside characters,
// escapes, quotes, CRLF), served as a web stream, and read back to an array.

const encoder = new TextEncoder();

/** `text` as UTF-8 bytes cut at the byte offsets `cuts` (taken modulo its length, deduplicated). */
export function chunksOf(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...offsets, bytes.length].map((end, index) =>
    bytes.subarray(index === 0 ? 0 : offsets[index - 1], end),
  );
}

/** The pieces, strings as UTF-8, as a stream delivering exactly those chunks. */
export function streamOf(pieces: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces)
        controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
