/** What openapi-fetch passes to the Request it builds: see createClient's coreFetch. */
export interface PlainRequestInit {
  readonly method?: string;
  readonly headers?: ConstructorParameters<typeof Headers>[0];
  readonly body?: string | null | undefined;
  readonly signal?: AbortSignal | null | undefined;
  readonly redirect?: RequestInit['redirect'];
}

const NEVER_ABORTED = new AbortController().signal;

/**
 * The request our own API calls are built into when they go out through the default fetch
 * (node-http-fetch), which reads only these fields. undici's Request parses the URL, checks every
 * header again and makes a second AbortSignal that follows ours: about 36 µs of a status call's
 * 600–800 µs of CPU (`npm run bench -- status`). Only for our own client on our own fetch: an
 * injected fetch, and `ca.raw`'s middleware, get real Requests.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly redirect: NonNullable<RequestInit['redirect']>;
  readonly #body: string | undefined;

  constructor(url: string, init: PlainRequestInit = {}) {
    this.url = url;
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? NEVER_ABORTED;
    this.redirect = init.redirect ?? 'follow';
    this.#body = init.body ?? undefined;
  }

  /** Truthy when there is a body, as a Request's `body` is (fetch reads it with arrayBuffer()). */
  get body(): string | null {
    return this.#body ?? null;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.#body ?? '');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return this.#body ?? '';
  }
}
