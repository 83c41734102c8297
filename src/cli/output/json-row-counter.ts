import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  JsonStringSkipper,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './json-bytes.js';

/**
 * Counts the elements of a top-level JSON array of objects as bytes stream past, tracking only
 * string and nesting state, so that counting rows does not cost a full parse of a raw `json`
 * export.
 */
export class JsonRowCounter {
  private depth = 0;
  private readonly strings = new JsonStringSkipper();
  rows = 0;

  push(chunk: Uint8Array): void {
    this.strings.startChunk();
    let i = 0;
    while (i < chunk.length) {
      if (this.strings.inString) {
        i = this.strings.skip(chunk, i);
        continue;
      }
      const byte = chunk[i];
      if (byte === QUOTE) {
        this.strings.inString = true;
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
