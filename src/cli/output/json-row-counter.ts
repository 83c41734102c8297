const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Counts the elements of a top-level JSON array of objects as bytes stream past, tracking only
 * string and nesting state, so that counting rows does not cost a full parse of a raw `json`
 * export. String contents, most of the bytes, are skipped with the native `indexOf`.
 */
export class JsonRowCounter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  rows = 0;

  push(chunk: Uint8Array): void {
    let nextBackslash = -2; // not searched yet in this chunk
    let i = 0;
    while (i < chunk.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i);
        const quote = chunk.indexOf(QUOTE, i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          this.escaped = true;
          i = nextBackslash + 1;
        } else if (quote === -1) {
          return; // the string goes on in the next chunk
        } else {
          this.inString = false;
          i = quote + 1;
        }
        continue;
      }
      const byte = chunk[i];
      if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (this.depth === 1) this.rows++;
        this.depth++;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.depth--;
      }
      i++;
    }
  }
}
