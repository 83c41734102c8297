import { JsonArrayError } from '../../index.js';
import { JsonArrayFramer } from '../../rows/index.js';

/**
 * Counts the elements of a raw `json` export as its bytes stream past, framing them without
 * parsing. A raw export is written as the service sent it, so a broken array is not an error here:
 * counting just stops where the array stops making sense.
 */
export class JsonRowCounter {
  readonly #framer = new JsonArrayFramer(); // no handler: it only counts
  #broken = false;

  push(chunk: Uint8Array): void {
    if (this.#broken) return;
    try {
      this.#framer.push(chunk);
    } catch (error) {
      if (!(error instanceof JsonArrayError)) throw error;
      this.#broken = true;
    }
  }

  get rows(): number {
    return this.#framer.count;
  }
}
