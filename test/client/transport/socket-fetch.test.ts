// The storage leg's FetchLike over a raw TCP or TLS connection: the GET contract every FetchLike of
// ours keeps (get-contract.ts, against node:http servers), and hand-written answers the framing
// must cope with (a head cut anywhere, 100 Continue, chunked bodies, a body ending at the
// close, bytes past the Content-Length, a connection closed early, a broken head).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { bodySourceOf } from '../../../src/internal/transport/body-source.js';
import { giveBack } from '../../../src/internal/transport/read-buffers.js';
import { socketFetch } from '../../../src/internal/transport/socket-fetch.js';
import { StorageOverrun } from '../../../src/internal/transport/storage-overrun.js';
import { describeGetContract } from '../support/get-contract.js';
import { type LocalServer, localServer } from '../support/local-server.js';

const fetchOverSocket = socketFetch();
let server: LocalServer | undefined;
let raw: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise<void>((resolve) => (raw ? raw.close(() => resolve()) : resolve()));
  raw = undefined;
});

const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** A TCP server on 127.0.0.1 that answers each request with `answer`, written in the pieces given. */
async function rawServer(answer: (socket: Socket, request: string) => void): Promise<string> {
  raw = createTcpServer((socket) => {
    let request = '';
    socket.on('data', (bytes: Buffer) => {
      request += bytes.toString('latin1');
      if (request.includes('\r\n\r\n')) answer(socket, request);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => raw?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
}

/** Writes `pieces` one per event-loop turn, then ends the connection unless `end` is false. */
function writeSlowly(socket: Socket, pieces: readonly (string | Buffer)[], end = true): void {
  const next = (i: number) => {
    if (i === pieces.length) return end ? socket.end() : undefined;
    socket.write(pieces[i] as string | Buffer, () => setTimeout(() => next(i + 1), 2));
  };
  next(0);
}

describeGetContract('socketFetch', fetchOverSocket);

describe('socketFetch', () => {
  it('sends Host and Connection: close with the request headers, the query as given', async () => {
    server = await localServer((_req, res) => {
      res.end('ok');
    });
    await text(
      await fetchOverSocket(new Request(`${server.url}/f?sig=a%2Fb&x=1`, { headers: { 'x-a': '1' } })),
    );
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/f?sig=a%2Fb&x=1' });
    expect(server.requests[0]?.headers).toMatchObject({
      'x-a': '1',
      connection: 'close',
      host: new URL(server.url).host,
    });
  });

  it('sends GET and HEAD only', async () => {
    await expect(
      fetchOverSocket(new Request('http://127.0.0.1:9/', { method: 'POST', body: 'x' })),
    ).rejects.toThrow(/GET and HEAD only/);
  });

  it('hands the download the body as a Node source (no web stream between)', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-length': 6 }).end('abcdef');
    });
    const response = await fetchOverSocket(new Request(server.url));
    const pieces: string[] = [];
    await new Promise<void>((resolve, reject) =>
      bodySourceOf(response).start({
        data: (chunk) => pieces.push(chunk.toString()),
        end: resolve,
        error: reject,
      }),
    );
    expect(pieces.join('')).toBe('abcdef');
    await expect(response.body?.getReader().read()).rejects.toThrow(/already read/);
  });
});

describe('socketFetch, read buffers lent to the reader', () => {
  // 6 MiB of a pattern that differs at every offset modulo 251, so a piece read over shows.
  const body = Buffer.alloc(6 * 1024 * 1024, 0).map((_, i) => i % 251);

  /** Reads the body through its BodySource: `onPiece` decides what happens to each piece. */
  async function readPieces(response: Response, onPiece: (piece: Buffer) => void): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      bodySourceOf(response).start({ data: onPiece, end: resolve, error: reject }),
    );
  }

  it('reads the body through one or two buffers when each piece is given back', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    await readPieces(await fetchOverSocket(new Request(server.url)), (piece) => {
      copies.push(Buffer.from(piece));
      buffers.add(piece.buffer);
      giveBack(piece);
    });
    expect(Buffer.concat(copies).equals(body)).toBe(true);
    expect(buffers.size).toBeLessThanOrEqual(2);
  });

  it('never reads over a piece still held, given back later or never', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    // Every third piece is held to the end; the others are copied and given back one piece later.
    const pieces: Buffer[] = [];
    const seen: Buffer[] = [];
    await readPieces(await fetchOverSocket(new Request(server.url)), (piece) => {
      const before = pieces.length - 1;
      if (before >= 0 && before % 3 !== 0) {
        seen[before] = Buffer.from(pieces[before] as Buffer);
        giveBack(pieces[before] as Buffer);
      }
      pieces.push(piece);
    });
    const bytes = pieces.map((piece, i) => seen[i] ?? piece);
    expect(Buffer.concat(bytes).equals(body)).toBe(true);
  });

  it('never reads over what a decoder was given (a gzip body)', async () => {
    // Random bytes do not compress: the zipped body takes many reads, as the plain one does.
    const random = randomBytes(6 * 1024 * 1024);
    const zipped = gzipSync(random);
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-length': zipped.length, 'content-encoding': 'gzip' }).end(zipped);
    });
    const copies: Buffer[] = [];
    await readPieces(await fetchOverSocket(new Request(server.url)), (piece) => {
      copies.push(Buffer.from(piece));
      giveBack(piece);
    });
    expect(Buffer.concat(copies).equals(random)).toBe(true);
  });
});

describe('socketFetch, framing hand-written answers', () => {
  it('reads a head cut anywhere, after a 100 Continue, and a chunked body in pieces', async () => {
    const url = await rawServer((socket) =>
      writeSlowly(socket, [
        'HTTP/1.1 100 Continue\r\n\r\nHT',
        'TP/1.1 200 OK\r\nTransfer-Encoding: chu',
        'nked\r\nX-Long: ',
        `${'v'.repeat(3000)}\r\n\r\n4\r\nab`,
        'cd\r\n3;ext\r\nefg\r\n0\r\n\r\n',
      ]),
    );
    const response = await fetchOverSocket(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-long')).toHaveLength(3000);
    expect(await text(response)).toBe('abcdefg');
  });

  it('a body without a length ends with the connection', async () => {
    const url = await rawServer((socket) =>
      writeSlowly(socket, ['HTTP/1.1 200 OK\r\n\r\nfirst,', 'second\n']),
    );
    expect(await text(await fetchOverSocket(new Request(url)))).toBe('first,second\n');
  });

  it('bytes past the Content-Length fail the body with StorageOverrun', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef'));
    const response = await fetchOverSocket(new Request(url));
    expect(await failureOf(response.arrayBuffer())).toBeInstanceOf(StorageOverrun);
  });

  it('a connection closed before the Content-Length is reached fails the body', async () => {
    const url = await rawServer((socket) =>
      writeSlowly(socket, ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', 'abc']),
    );
    const response = await fetchOverSocket(new Request(url));
    expect(await failureOf(response.arrayBuffer())).toMatchObject({
      message: expect.stringMatching(/closed before the body was complete/),
    });
  });

  it('a connection closed mid-chunk fails the body', async () => {
    const url = await rawServer((socket) =>
      writeSlowly(socket, ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', 'a\r\nabc']),
    );
    const response = await fetchOverSocket(new Request(url));
    expect(await failureOf(response.arrayBuffer())).toBeInstanceOf(Error);
  });

  it('a connection closed before the head rejects like node:http (socket hang up)', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Le'));
    await expect(fetchOverSocket(new Request(url))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it.each([
    ['a malformed status line', 'HTTP/1.1 OK\r\n\r\n', /malformed HTTP status line/],
    ['a broken Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n', /broken Content-Length/],
    ['a head over 64 KiB', `HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(70 * 1024)}`, /over 65536 bytes/],
  ])('rejects %s', async (_what, answer, message) => {
    const url = await rawServer((socket) => socket.end(answer));
    await expect(fetchOverSocket(new Request(url))).rejects.toThrow(message);
  });

  it('HEAD and 204 answers have a null body and close the connection', async () => {
    let closed = 0;
    const url = await rawServer((socket, request) => {
      socket.on('close', () => closed++);
      socket.write(
        request.startsWith('HEAD')
          ? 'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n'
          : 'HTTP/1.1 204 No Content\r\n\r\n',
      );
    });
    const head = await fetchOverSocket(new Request(url, { method: 'HEAD' }));
    const empty = await fetchOverSocket(new Request(url));
    expect([head.status, head.body, empty.status, empty.body]).toEqual([200, null, 204, null]);
    await expect.poll(() => closed).toBe(2);
  });
});

describe('socketFetch over TLS', () => {
  const tls = new URL('../support/tls/', import.meta.url);
  const cert = readFileSync(new URL('localhost-cert.pem', tls));
  const key = readFileSync(new URL('localhost-key.pem', tls));

  async function httpsServer(body: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
    const secure = createHttpsServer({ cert, key }, (_req, res) => {
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    return {
      url: `https://127.0.0.1:${(secure.address() as AddressInfo).port}/storage/file.csv?sig=1`,
      close: () =>
        new Promise((resolve) => {
          secure.closeAllConnections();
          secure.close(() => resolve());
        }),
    };
  }

  it('downloads over https from a server it trusts, byte for byte', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024 + 17, 'row,of,csv\n');
    const secure = await httpsServer(body);
    try {
      const response = await socketFetch({ ca: cert })(new Request(secure.url));
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('refuses a certificate it does not trust', async () => {
    const secure = await httpsServer(Buffer.from('x'));
    try {
      await expect(fetchOverSocket(new Request(secure.url))).rejects.toMatchObject({
        code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/),
      });
    } finally {
      await secure.close();
    }
  });
});
