// The storage leg's body framing (socket-fetch): Content-Length, chunked and close-delimited
// bodies give back exactly their bytes however the connection cuts them, as views (no copy);
// broken framing and bytes past the end are errors, never a short or padded body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BodyFraming, framingOf } from '../../../src/internal/transport/body-framing.js';
import { parseHead } from '../../../src/internal/transport/response-head.js';
import { StorageOverrun } from '../../../src/internal/transport/storage-overrun.js';

const headOf = (lines: string) => parseHead(Buffer.from(`HTTP/1.1 200 OK\r\n${lines}`, 'latin1'));

/** Pushes `wire` cut at `cuts`; the body bytes and whether the framing said it was complete. */
function read(framing: BodyFraming, wire: Buffer, cuts: readonly number[]) {
  const offsets = [...new Set(cuts.map((cut) => cut % (wire.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let complete = false;
  let from = 0;
  for (const to of [...offsets, wire.length]) {
    complete = framing.push(wire.subarray(from, to), (piece) => pieces.push(piece)) || complete;
    from = to;
  }
  return { body: Buffer.concat(pieces), complete, pieces };
}

/** `body` in chunked coding, its chunks of the given sizes (the rest in one), with extensions and a trailer. */
function chunked(body: Buffer, sizes: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of [...sizes, body.length]) {
    const chunk = body.subarray(at, Math.min(body.length, at + size));
    if (chunk.length === 0) continue;
    at += chunk.length;
    parts.push(
      Buffer.from(`${chunk.length.toString(16)}${at % 2 ? ';ext=1' : ''}\r\n`),
      chunk,
      Buffer.from('\r\n'),
    );
    if (at >= body.length) break;
  }
  parts.push(Buffer.from('0\r\nx-checksum: abc\r\n\r\n'));
  return Buffer.concat(parts);
}

const bodies = fc.uint8Array({ minLength: 0, maxLength: 600 }).map((bytes) => Buffer.from(bytes));
const cuts = fc.array(fc.nat(), { maxLength: 30 });

describe('framingOf', () => {
  it('Content-Length: exactly its bytes, complete at the last one, however cut', () => {
    fc.assert(
      fc.property(bodies, cuts, (body, at) => {
        const got = read(framingOf(headOf(`content-length: ${body.length}\r\n`)) as BodyFraming, body, at);
        expect(got.body.equals(body)).toBe(true);
        expect(got.complete).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('chunked: the decoded bytes, complete after the trailer, however cut', () => {
    fc.assert(
      fc.property(
        bodies,
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 8 }),
        cuts,
        (body, sizes, at) => {
          const wire = chunked(body, sizes);
          const got = read(framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming, wire, at);
          expect(got.body.equals(body)).toBe(true);
          expect(got.complete).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('emits views of the bytes pushed, not copies', () => {
    const wire = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    const { pieces } = read(framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming, wire, []);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.buffer).toBe(wire.buffer);
    expect(pieces[0]?.byteOffset).toBe(wire.byteOffset + 3);
  });

  it('a body without a length ends with the connection', () => {
    const framing = framingOf(headOf('content-type: text/csv\r\n')) as BodyFraming;
    expect(framing.endsAtClose).toBe(true);
    expect(read(framing, Buffer.from('a,b\n'), [2])).toMatchObject({ complete: false });
    expect(framingOf(headOf('content-length: 3\r\n'))?.endsAtClose).toBe(false);
  });

  it('a transfer coding other than chunked last is read to the close; Transfer-Encoding wins over Content-Length', () => {
    expect(framingOf(headOf('transfer-encoding: gzip\r\n'))?.endsAtClose).toBe(true);
    const framing = framingOf(headOf('content-length: 100\r\ntransfer-encoding: chunked\r\n')) as BodyFraming;
    expect(read(framing, Buffer.from('1\r\nx\r\n0\r\n\r\n'), [])).toMatchObject({ complete: true });
  });

  it('204 and 304 have no body', () => {
    expect(framingOf(parseHead(Buffer.from('HTTP/1.1 204 No Content\r\ncontent-length: 5')))).toBeUndefined();
    expect(framingOf(parseHead(Buffer.from('HTTP/1.1 304 Not Modified')))).toBeUndefined();
  });

  it('bytes past the Content-Length: the body, then StorageOverrun', () => {
    const framing = framingOf(headOf('content-length: 3\r\n')) as BodyFraming;
    const pieces: Buffer[] = [];
    expect(() => framing.push(Buffer.from('abcdef'), (piece) => pieces.push(piece))).toThrow(StorageOverrun);
    expect(Buffer.concat(pieces).toString()).toBe('abc');
  });

  it('bytes after the last chunk are an overrun', () => {
    const framing = framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming;
    expect(() => framing.push(Buffer.from('1\r\nx\r\n0\r\n\r\nextra'), () => {})).toThrow(StorageOverrun);
  });

  it.each([
    ['a size that is not hex', 'zz\r\nhello\r\n'],
    ['a size line ending in a bare LF', '5\nhello\r\n'],
    ['data not followed by CR LF', '5\r\nhelloX\r\n'],
    ['data followed by a bare LF', '5\r\nhelloX\n0\r\n\r\n'],
    ['an empty size', '\r\nhello\r\n'],
    ['a size of more than 13 hex digits', '10000000000000\r\n'],
  ])('refuses broken chunked coding: %s', (_what, wire) => {
    const framing = framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming;
    expect(() => framing.push(Buffer.from(wire), () => {})).toThrow(/broken/);
  });

  it('refuses chunk extensions or trailers that never end (64 KiB in all)', () => {
    const extensions = framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming;
    expect(() => extensions.push(Buffer.from(`1;${'x'.repeat(70_000)}`), () => {})).toThrow(
      /chunk extension/,
    );
    const trailer = framingOf(headOf('transfer-encoding: chunked\r\n')) as BodyFraming;
    trailer.push(Buffer.from('1;a=b\r\nx\r\n0\r\n'), () => {});
    for (let i = 0; i < 60; i++) trailer.push(Buffer.from(`x-t: ${'v'.repeat(1000)}\r\n`), () => {});
    expect(() => trailer.push(Buffer.from(`x-t: ${'v'.repeat(10_000)}\r\n`), () => {})).toThrow(/trailer/);
  });

  it.each([['-1'], ['1e3'], ['5, 6'], ['']])('refuses the Content-Length %j', (value) => {
    expect(() => framingOf(headOf(`content-length: ${value}\r\n`))).toThrow(/Content-Length/);
  });

  it('takes repeated identical Content-Length values as one', () => {
    const framing = framingOf(headOf('content-length: 2, 2\r\ncontent-length: 2\r\n')) as BodyFraming;
    expect(read(framing, Buffer.from('ok'), [])).toMatchObject({ complete: true });
  });
});

describe('parseHead', () => {
  it('reads the status, its text and the fields in order, names in lower case', () => {
    const head = parseHead(
      Buffer.from('HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-1/2\r\nX-A:  1 \r\nx-a: 2'),
    );
    expect(head).toEqual({
      status: 206,
      statusText: 'Partial Content',
      fields: [
        ['content-range', 'bytes 0-1/2'],
        ['x-a', '1'],
        ['x-a', '2'],
      ],
    });
  });

  it.each([
    ['a status line that is not HTTP/1.x', 'HTTP/2 200 OK'],
    ['a three-digit status missing', 'HTTP/1.1 20 OK'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nbroken'],
    ['a folded header line', 'HTTP/1.1 200 OK\r\nx-a: 1\r\n  more'],
    ['a space before the colon', 'HTTP/1.1 200 OK\r\nx-a : 1'],
  ])('refuses %s', (_what, head) => {
    expect(() => parseHead(Buffer.from(head))).toThrow(/malformed/);
  });
});
