import { type SourceClaim, webStreamOf } from './body-source.js';

/**
 * What node-http-fetch answers a PlainRequest (our own API calls) with: a Response's status,
 * headers and body, where `text()` reads the Node body straight into a string and the web stream
 * is only made if `body` is asked for (a download's `/download` answer, a retry cancelling the
 * body). undici's Response and the web stream under it cost about 70 µs of a status call's CPU,
 * a tenth of it, for a body of a few hundred bytes (`npm run bench -- status`).
 */
export class PlainResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly #claim: SourceClaim | undefined;
  #body: ReadableStream<Uint8Array> | null | undefined;
  #used = false;

  /** `claim`: the body's Node source; undefined for an answer without a body (204, HEAD). */
  constructor(status: number, statusText: string, headers: Headers, claim: SourceClaim | undefined) {
    // As the Response constructor: our callers branch on 2xx, 3xx, 4xx and 5xx only.
    if (status < 200 || status > 599) throw new RangeError(`status ${status} is outside 200–599`);
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.#claim = claim;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body as a web stream, made on first use; null without a body or once text() read it. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#body === undefined) this.#body = this.#claim && !this.#used ? webStreamOf(this.#claim) : null;
    return this.#body;
  }

  /** The body decoded as UTF-8, a leading byte order mark dropped, as Response#text() decodes it. */
  async text(): Promise<string> {
    const text = (await this.#bytes()).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async #bytes(): Promise<Buffer> {
    if (this.#used) throw new TypeError('Body is unusable: the body was already read');
    this.#used = true;
    if (this.#body) return readWebStream(this.#body);
    const source = this.#claim?.take();
    if (!source) return Buffer.alloc(0);
    return new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      source.start({
        data: (chunk) => parts.push(chunk), // node:http's chunks are its own, never read over
        end: () => resolve(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)),
        error: reject,
      });
    });
  }
}

async function readWebStream(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}
