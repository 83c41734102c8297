// The buffers a connection reads into, and the pieces of the body it lends out of them. Each read
// fills what is left of the current buffer; once less than a read's worth is left, the buffer is
// read over from its start if every piece lent from it has been given back (giveBack), else it
// is retired and the next read goes to a retired buffer whose pieces are all back, or to a new
// one. A reader that writes each piece before the next read (downloadToFile) so reads a whole
// export through one buffer: no allocation per read, no garbage for the collector, ~30 MB less
// peak memory on a gigabyte. A piece never given back keeps its buffer out of use for good (the
// garbage collector frees it once the piece is gone), so a reader that keeps pieces needs to do
// nothing: only an exact piece, given back once, counts.

/** A buffer the connection reads into, and how many of the pieces lent from it are still out. */
class ReadBuffer {
  readonly bytes: Buffer;
  used = 0;
  out = 0;

  constructor(size: number) {
    this.bytes = Buffer.allocUnsafeSlow(size);
  }
}

/** Lent pieces not given back yet, and the buffer each is a view of. */
const lent = new WeakMap<Uint8Array, ReadBuffer>();

/** Retired buffers looked at for reuse; beyond these, a buffer with pieces still out is dropped. */
const MAX_RETIRED = 4;

export class ReadBuffers {
  readonly #size: number;
  readonly #minRead: number;
  #current: ReadBuffer;
  #retired: ReadBuffer[] = [];

  /** Buffers of `size` bytes, each read given at least `minRead` of them. */
  constructor(size: number, minRead: number) {
    this.#size = size;
    this.#minRead = minRead;
    this.#current = new ReadBuffer(size);
  }

  /** Where the next read goes. */
  space(): Buffer {
    let current = this.#current;
    if (current.bytes.length - current.used < this.#minRead) {
      if (current.out > 0) {
        this.#retired.push(current);
        current = this.#retired.find((buffer) => buffer.out === 0) ?? new ReadBuffer(this.#size);
        this.#retired = this.#retired.filter((buffer) => buffer !== current).slice(-MAX_RETIRED);
        this.#current = current;
      }
      current.used = 0;
    }
    return current.bytes.subarray(current.used);
  }

  /** The `length` bytes the last read brought, as a view of the buffer. */
  took(length: number): Buffer {
    const current = this.#current;
    const bytes = current.bytes.subarray(current.used, current.used + length);
    current.used += length;
    return bytes;
  }

  /**
   * Marks `piece` as lent to the body's reader: its buffer is not read over until the piece is
   * given back. Call it for every piece that leaves the connection before the next read; a piece
   * of some other memory (a copy) is not tracked.
   */
  lend(piece: Buffer): void {
    const current = this.#current;
    if (piece.buffer !== current.bytes.buffer || lent.has(piece)) return;
    lent.set(piece, current);
    current.out++;
  }
}

/**
 * Gives back a piece of a body read through ReadBuffers, once nothing refers to its bytes any more
 * (written to a file, copied): its buffer may then be read over. Anything else (another piece, a
 * piece already given back, a part of a piece) is ignored.
 */
export function giveBack(piece: Uint8Array): void {
  const buffer = lent.get(piece);
  if (!buffer) return;
  lent.delete(piece);
  buffer.out--;
}
