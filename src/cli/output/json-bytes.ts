// Byte-level JSON scanning shared by the row counter and the ndjson framer: both only need to
// know where strings are (so braces inside them are not structure) and the nesting depth.

export const QUOTE = 0x22;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
const BACKSLASH = 0x5c;

/**
 * Skips over JSON string contents with the native `indexOf`, keeping its state (inside a string,
 * after a backslash) across chunk boundaries. Call `startChunk` before scanning each chunk.
 */
export class JsonStringSkipper {
  inString = false;
  private escaped = false;
  private nextBackslash = -2; // not searched yet in this chunk

  startChunk(): void {
    this.nextBackslash = -2;
  }

  /** From `i` inside a string: the index just past its closing quote, or the chunk's end. */
  skip(chunk: Uint8Array, from: number): number {
    let i = from;
    while (i < chunk.length) {
      if (this.escaped) {
        this.escaped = false;
        i++;
        continue;
      }
      if (this.nextBackslash !== -1 && this.nextBackslash < i)
        this.nextBackslash = chunk.indexOf(BACKSLASH, i);
      const quote = chunk.indexOf(QUOTE, i);
      if (this.nextBackslash !== -1 && (quote === -1 || this.nextBackslash < quote)) {
        this.escaped = true;
        i = this.nextBackslash + 1;
      } else if (quote === -1) {
        return chunk.length;
      } else {
        this.inString = false;
        return quote + 1;
      }
    }
    return i;
  }
}
