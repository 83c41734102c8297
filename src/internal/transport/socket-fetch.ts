import { connect as connectTcp, isIP, type OnReadOpts, type Socket } from 'node:net';
import type { Transform } from 'node:stream';
import { type ConnectionOptions, connect as connectTls } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchLike } from '../../types/fetch-like.js';
import { type BodyFraming, framingOf } from './body-framing.js';
import { attachBodySource, claimOnce, webStreamOf } from './body-source.js';
import { ReadBuffers } from './read-buffers.js';
import { headEnd, MAX_HEAD_BYTES, parseHead, type ResponseHead } from './response-head.js';
import { SocketBody } from './socket-body.js';

// The connection reads into buffers of this size, each read filling what is left of the current
// one (read-buffers.ts: read over, or another, once less than MIN_READ is left): on loopback a
// read then brings ~200 KiB, where node:http's socket reads bring 64 KiB into a buffer allocated,
// and shrunk by a copy, per read. Pieces of the body are views of these buffers.
const READ_BUFFER = 256 * 1024;
const MIN_READ = 32 * 1024;

export interface SocketFetchOptions {
  /** Trusted certificates for https (tests with a self-signed server); the system's by default. */
  readonly ca?: ConnectionOptions['ca'];
}

/**
 * The storage leg's FetchLike: one GET over its own TCP or TLS connection (`Connection: close`),
 * the response head and the body's framing (Content-Length, chunked, or up to the close) read
 * here, and the body handed to the download as a BodySource of views of the socket's read
 * buffers. The storage request carries no credentials and needs nothing node:http adds (agents,
 * keep-alive), and this way a gigabyte costs the main thread about 60% of node:http's CPU (`npm run
 * bench -- storage-leg`). It keeps node-http-fetch's contract: redirects are answers, the body is
 * decoded as fetch decodes it (gzip, deflate, br), a body that fails after its headers errors,
 * never ends as if complete, and bytes past the Content-Length are a StorageOverrun.
 */
export function socketFetch(options: SocketFetchOptions = {}): FetchLike {
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return Promise.reject(new TypeError(`socketFetch sends GET and HEAD only, not ${request.method}`));
    }
    return new Promise<Response>((resolve, reject) => {
      new Exchange(request, options, resolve, reject);
    });
  };
}

/** One request and its answer on one connection. */
class Exchange {
  readonly #request: Request;
  readonly #resolve: (response: Response) => void;
  readonly #reject: (error: unknown) => void;
  readonly #socket: Socket | undefined;
  readonly #reads = new ReadBuffers(READ_BUFFER, MIN_READ);
  #pendingHead: Buffer | undefined;
  #answered = false;
  #complete = false;
  #framing: BodyFraming | undefined;
  #body: SocketBody | undefined;
  /** Where the framing's pieces go, and what ends the body: the body itself, or its decoder. */
  #emit: (piece: Buffer) => void = () => {};
  #endBody: () => void = () => {};

  constructor(
    request: Request,
    options: SocketFetchOptions,
    resolve: (response: Response) => void,
    reject: (error: unknown) => void,
  ) {
    this.#request = request;
    this.#resolve = resolve;
    this.#reject = reject;
    const { signal } = request;
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    if (!secure && url.protocol !== 'http:') {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const socket = this.#connect(url, secure, options);
    this.#socket = socket;
    const onAbort = () => socket.destroy(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => this.#fail(error));
    socket.on('end', () => this.#closed());
    socket.on('close', () => {
      signal.removeEventListener('abort', onAbort);
      this.#closed();
    });
    socket.on(secure ? 'secureConnect' : 'connect', () => socket.write(this.#requestHead(url), 'latin1'));
  }

  #connect(url: URL, secure: boolean, options: SocketFetchOptions): Socket {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port) || (secure ? 443 : 80);
    const onread: OnReadOpts = {
      buffer: () => this.#reads.space(),
      callback: (length) => {
        const bytes = this.#reads.took(length);
        if (this.#answered) this.#feed(bytes);
        else this.#readHead(bytes);
        return true;
      },
    };
    const socket = secure
      ? connectTls({
          host,
          port,
          servername: isIP(host) ? undefined : host,
          ALPNProtocols: ['http/1.1'],
          ca: options.ca,
          onread,
        } as ConnectionOptions)
      : connectTcp({ host, port, onread });
    socket.setNoDelay(true);
    return socket;
  }

  #requestHead(url: URL): string {
    const { method, headers } = this.#request;
    const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
    headers.forEach((value, name) => {
      if (name !== 'host' && name !== 'connection') lines.push(`${name}: ${value}`);
    });
    return `${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`;
  }

  #readHead(bytes: Buffer): void {
    let pending = this.#pendingHead ? Buffer.concat([this.#pendingHead, bytes]) : bytes;
    for (;;) {
      const end = headEnd(pending);
      if (end < 0) {
        // A copy: the read buffer may be read over before the rest of the head arrives.
        this.#pendingHead = Buffer.from(pending);
        if (pending.length > MAX_HEAD_BYTES) this.#fail(headTooLarge());
        return;
      }
      let head: ResponseHead;
      try {
        head = parseHead(pending.subarray(0, end - 4));
      } catch (error) {
        this.#fail(error);
        return;
      }
      pending = pending.subarray(end);
      // An interim answer (100 Continue, 103 Early Hints) comes before the real one.
      if (head.status < 100 || head.status >= 200 || head.status === 101) {
        this.#pendingHead = undefined;
        this.#answer(head, pending);
        return;
      }
    }
  }

  #answer(head: ResponseHead, rest: Buffer): void {
    const socket = this.#socket as Socket;
    let response: Response;
    try {
      this.#framing = this.#request.method === 'HEAD' ? undefined : framingOf(head);
      const headers = headersOf(head);
      const body = this.#framing ? this.#bodyOf(headers.get('content-encoding'), socket) : undefined;
      const claim = body ? claimOnce(body) : undefined;
      response = new Response(claim ? webStreamOf(claim) : null, {
        status: head.status,
        statusText: head.statusText,
        headers,
      });
      if (claim) attachBodySource(response, claim);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#answered = true;
    this.#resolve(response);
    if (!this.#framing) {
      this.#complete = true;
      socket.destroy();
      return;
    }
    socket.pause(); // until the body is read
    this.#feed(rest);
  }

  /** The body as a BodySource, behind a decoder when the answer is encoded. */
  #bodyOf(encoding: string | null, socket: Socket): SocketBody {
    const body = new SocketBody({
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      destroy: () => socket.destroy(),
    });
    this.#body = body;
    const decoder = decoderFor(encoding);
    const reads = this.#reads;
    if (decoder) {
      decoder.on('data', (piece: Buffer) => body.deliver(piece));
      decoder.on('end', () => body.end());
      decoder.on('error', (error) => body.fail(error));
      // Lent for good: the decoder keeps what it was given until it has inflated it.
      this.#emit = (piece) => {
        reads.lend(piece);
        decoder.write(piece);
      };
      this.#endBody = () => decoder.end();
    } else {
      this.#emit = (piece) => {
        reads.lend(piece);
        body.deliver(piece);
      };
      this.#endBody = () => body.end();
    }
    return body;
  }

  #feed(bytes: Buffer): void {
    const framing = this.#framing;
    if (this.#complete || !framing) return;
    try {
      if (framing.push(bytes, this.#emit)) this.#finish();
    } catch (error) {
      this.#fail(error);
    }
  }

  #finish(): void {
    this.#complete = true;
    this.#socket?.destroy();
    this.#endBody();
  }

  /** The connection ended or closed: the end of a body delimited by the close, else a failure. */
  #closed(): void {
    if (!this.#answered) this.#fail(hangUp());
    else if (this.#complete) return;
    else if (this.#framing?.endsAtClose) this.#finish();
    else this.#fail(new Error('the connection closed before the body was complete'));
  }

  #fail(error: unknown): void {
    if (!this.#answered) {
      this.#answered = true;
      this.#socket?.destroy();
      const { signal } = this.#request;
      this.#reject(signal.aborted ? signal.reason : error);
    } else if (!this.#complete) {
      this.#complete = true;
      this.#body?.fail(error);
    }
  }
}

function headersOf(head: ResponseHead): Headers {
  const headers = new Headers();
  for (const [name, value] of head.fields) {
    try {
      headers.append(name, value);
    } catch {
      // A header value fetch would refuse as well: leave it out rather than fail the file.
    }
  }
  return headers;
}

/** fetch decodes these; so do we, keeping the header so that offsets are known to be unusable. */
function decoderFor(encoding: string | null): Transform | undefined {
  const coding = encoding?.trim().toLowerCase();
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'deflate') return createInflate();
  if (coding === 'br') return createBrotliDecompress();
  return undefined;
}

function hangUp(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

function headTooLarge(): Error {
  return Object.assign(new Error(`the storage host sent a response head over ${MAX_HEAD_BYTES} bytes`), {
    code: 'HPE_HEADER_OVERFLOW',
  });
}
