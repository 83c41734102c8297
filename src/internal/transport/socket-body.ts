import type { BodyHandlers, BodySource } from './body-source.js';

/** The connection under a {@link SocketBody}: what the body asks of it. */
export interface BodyConnection {
  pause(): void;
  resume(): void;
  destroy(): void;
}

/**
 * A response body read off a raw connection, as a BodySource: pieces that arrive while it is
 * paused (or before it is started) wait in order, the connection paused meanwhile; the end is
 * reported once they are all delivered, an error at once (the reader reopens from what it got).
 */
export class SocketBody implements BodySource {
  readonly #connection: BodyConnection;
  #handlers: BodyHandlers | undefined;
  #waiting: Buffer[] = [];
  #paused = true;
  #ended = false;
  #settled = false;
  /** A failure before the body was started, for its first reader. */
  #failure: { error: unknown } | undefined;

  constructor(connection: BodyConnection) {
    this.#connection = connection;
  }

  /** The next piece of the body. */
  deliver(piece: Buffer): void {
    if (this.#settled) return;
    if (this.#paused || this.#waiting.length > 0) this.#waiting.push(piece);
    else (this.#handlers as BodyHandlers).data(piece);
  }

  /** The body is complete: ends once the waiting pieces are delivered. */
  end(): void {
    this.#ended = true;
    this.#drain();
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#waiting = [];
    this.#connection.destroy();
    if (this.#handlers) this.#handlers.error(error);
    else this.#failure = { error };
  }

  start(handlers: BodyHandlers): void {
    this.#handlers = handlers;
    if (this.#failure) handlers.error(this.#failure.error);
    else this.resume();
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#connection.pause();
  }

  resume(): void {
    if (!this.#handlers || this.#settled) return;
    this.#paused = false;
    this.#drain();
    if (!this.#paused && !this.#ended) this.#connection.resume();
  }

  destroy(): void {
    this.#settled = true;
    this.#waiting = [];
    this.#connection.destroy();
  }

  #drain(): void {
    const handlers = this.#handlers;
    if (!handlers || this.#settled) return;
    while (!this.#paused && this.#waiting.length > 0) {
      handlers.data(this.#waiting.shift() as Buffer);
      if (this.#settled) return;
    }
    if (!this.#paused && this.#ended && this.#waiting.length === 0) {
      this.#settled = true;
      handlers.end();
    }
  }
}
