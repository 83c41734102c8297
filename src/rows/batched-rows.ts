import type { Row } from './row.js';

type Done = IteratorReturnResult<void>;
const DONE: Done = { done: true, value: undefined };

/**
 * The rows of a stream of row batches (one batch per network chunk), as an async generator that
 * hands out each row from the current batch without an async generator step of its own: a
 * `for await` over millions of small rows pays one await per row, not a chain of generator
 * resumptions per row. `return()` (a `break` out of the loop) closes the batch source, which
 * cancels the body stream.
 */
export class BatchedRows implements AsyncGenerator<Row, void, undefined> {
  readonly #open: () => Promise<AsyncIterator<readonly Row[]>>;
  #source: AsyncIterator<readonly Row[]> | undefined;
  #batch: readonly Row[] = [];
  #index = 0;
  #finished = false;
  /** The batch being fetched, so that a next() called meanwhile waits its turn. */
  #filling: Promise<IteratorResult<Row, void>> | undefined;

  constructor(open: () => Promise<AsyncIterator<readonly Row[]>>) {
    this.#open = open;
  }

  next(): Promise<IteratorResult<Row, void>> {
    if (this.#filling) return this.#filling.then(() => this.next());
    if (this.#index < this.#batch.length) {
      return Promise.resolve({ done: false, value: this.#batch[this.#index++] as Row });
    }
    if (this.#finished) return Promise.resolve(DONE);
    const filling = this.#fill().finally(() => {
      this.#filling = undefined;
    });
    this.#filling = filling;
    return filling;
  }

  async return(): Promise<Done> {
    await this.#filling?.catch(() => undefined);
    const source = this.#source;
    this.#finish();
    await source?.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<Done> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async #fill(): Promise<IteratorResult<Row, void>> {
    try {
      this.#source ??= await this.#open();
      for (;;) {
        const result = await this.#source.next();
        if (result.done) {
          this.#finish();
          return DONE;
        }
        if (result.value.length > 0) {
          this.#batch = result.value;
          this.#index = 1;
          return { done: false, value: result.value[0] as Row };
        }
      }
    } catch (error) {
      this.#finish();
      throw error;
    }
  }

  #finish(): void {
    this.#finished = true;
    this.#batch = [];
    this.#index = 0;
    this.#source = undefined;
  }
}
