// The read buffers of the storage connection: read over only once every piece lent from them is
// given back, so a piece still held never changes under its reader (the property below), and a
// reader that gives each piece back reads a whole body through one buffer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giveBack, ReadBuffers } from '../../../src/internal/transport/read-buffers.js';

const SIZE = 1024;
const MIN_READ = 128;

/** One read of `length` bytes of `fill`, the way the connection does it: space, then took. */
function read(buffers: ReadBuffers, length: number, fill: number): Buffer {
  const space = buffers.space();
  const n = Math.min(length, space.length);
  space.fill(fill, 0, n);
  return buffers.took(n);
}

describe('ReadBuffers', () => {
  it('reads a whole body through one buffer when each piece is given back before the next read', () => {
    const buffers = new ReadBuffers(SIZE, MIN_READ);
    const seen = new Set<ArrayBufferLike>();
    for (let i = 0; i < 200; i++) {
      const piece = read(buffers, 300, i % 256);
      buffers.lend(piece);
      seen.add(piece.buffer);
      giveBack(piece);
    }
    expect(seen.size).toBe(1);
  });

  it('never reads over a buffer while one of its pieces is out', () => {
    const buffers = new ReadBuffers(SIZE, MIN_READ);
    const held = read(buffers, 300, 7);
    buffers.lend(held);
    const others = new Set<ArrayBufferLike>();
    for (let i = 0; i < 50; i++) {
      const piece = read(buffers, 300, 9);
      buffers.lend(piece);
      if (piece.buffer !== held.buffer) others.add(piece.buffer);
      giveBack(piece);
    }
    expect(held.every((byte) => byte === 7)).toBe(true);
    expect(others.size).toBe(1); // one other buffer, read over again and again
  });

  it('counts a piece given back twice once, and a part of a piece not at all', () => {
    const buffers = new ReadBuffers(SIZE, MIN_READ);
    const first = read(buffers, 400, 1);
    const second = read(buffers, 400, 2);
    buffers.lend(first);
    buffers.lend(second);
    giveBack(first);
    giveBack(first);
    giveBack(second.subarray(0, 10));
    read(buffers, 400, 3); // the rest of the buffer: then a new one, `second` being out
    const next = read(buffers, 400, 4);
    expect(next.buffer).not.toBe(second.buffer);
    expect(second.every((byte) => byte === 2)).toBe(true);
    giveBack(second);
  });

  it('reads over a retired buffer once its pieces come back', () => {
    const buffers = new ReadBuffers(SIZE, MIN_READ);
    const held = read(buffers, SIZE, 1);
    buffers.lend(held);
    const second = read(buffers, SIZE, 2); // a new buffer: the first is out
    buffers.lend(second);
    expect(second.buffer).not.toBe(held.buffer);
    giveBack(held);
    const third = read(buffers, SIZE, 3); // the second is out, the first back
    expect(third.buffer).toBe(held.buffer);
    expect(second.every((byte) => byte === 2)).toBe(true);
  });

  it('does not track pieces of other memory, nor give back what was never lent', () => {
    const buffers = new ReadBuffers(SIZE, MIN_READ);
    const copy = Buffer.from(read(buffers, 100, 5));
    buffers.lend(copy);
    giveBack(Buffer.alloc(10));
    const unlent = read(buffers, SIZE, 6);
    giveBack(unlent);
    expect(copy.every((byte) => byte === 5)).toBe(true);
  });

  it('a held piece keeps its bytes through any reads, lends and give-backs', () => {
    // Steps: read (a length), or give back one of the held pieces. Each read is lent and either
    // held (kept with its fill) or given back at once.
    const step = fc.oneof(
      fc.record({ read: fc.integer({ min: 1, max: 2 * SIZE }), hold: fc.boolean() }),
      fc.record({ back: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const buffers = new ReadBuffers(SIZE, MIN_READ);
        const held: { piece: Buffer; fill: number }[] = [];
        let fill = 0;
        for (const s of steps) {
          if ('read' in s) {
            fill = (fill + 1) % 256;
            const piece = read(buffers, s.read, fill);
            buffers.lend(piece);
            if (s.hold) held.push({ piece, fill });
            else giveBack(piece);
          } else if (held.length > 0) {
            const [out] = held.splice(s.back % held.length, 1);
            if (out) giveBack(out.piece);
          }
          for (const { piece, fill: expected } of held) {
            expect(piece.every((byte) => byte === expected)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
