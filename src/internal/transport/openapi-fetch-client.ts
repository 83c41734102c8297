// The only module that imports openapi-fetch: swapping the HTTP layer means rewriting this file
// and src/types/raw-client.ts, which names openapi-fetch's Client type for the public `ca.raw`.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../generated/schema.js';
import type { FetchLike } from '../../types/fetch-like.js';
import type { CareAnalyticsRawClient } from '../../types/raw-client.js';
import { serializePath } from '../serialization/path-segment.js';
import { basicAuthorization } from './basic-auth.js';
import { assertSameOrigin } from './origin-guard.js';

export interface Credentials {
  readonly username: string;
  readonly password: string;
  readonly companyKey: string;
}

export interface RawClientConfig {
  readonly baseUrl: URL;
  readonly fetch: FetchLike;
  readonly credentials: Credentials;
  readonly userAgent: string;
}

/** A `companyKey` parameter in the query (no fragment ever precedes it in our URLs). */
const COMPANY_KEY = /[?&]companyKey=/;

/**
 * The one place credentials are attached: Basic auth header and `companyKey` query parameter,
 * after checking the request goes to the configured origin. companyKey is appended as text so
 * the query serialized by us (byte for byte) is not re-encoded by URLSearchParams.
 */
function credentialsMiddleware(config: RawClientConfig): Middleware {
  const authorization = basicAuthorization(config.credentials.username, config.credentials.password);
  const originPrefix = `${config.baseUrl.origin}/`;
  return {
    async onRequest({ request }) {
      // The client's own calls (sendRaw) already carry companyKey and go to the base origin: the
      // header is set on openapi-fetch's Request itself, with no second Request and no URL parse.
      if (request.url.startsWith(originPrefix) && COMPANY_KEY.test(request.url)) {
        request.headers.set('Authorization', authorization);
        return request;
      }
      const url = new URL(request.url);
      assertSameOrigin(url, config.baseUrl);
      const hasKey = url.searchParams.has('companyKey');
      const target = hasKey
        ? request.url
        : `${request.url}${url.search ? '&' : '?'}companyKey=${encodeURIComponent(config.credentials.companyKey)}`;
      const headers = new Headers(request.headers);
      headers.set('Authorization', authorization);
      const body = request.body ? await request.text() : undefined;
      return new Request(target, {
        method: request.method,
        headers,
        body,
        signal: request.signal,
        redirect: request.redirect,
      });
    },
  };
}

/** The global fetch, as the client's default (recognized below: our own calls then skip a Request). */
export const globalFetch: FetchLike = (request) => globalThis.fetch(request);

/**
 * What openapi-fetch builds for our own calls when they go to the global fetch: the fields of a
 * Request, read by fetch as its init. A real Request here would be copied again by fetch (its
 * headers, and a second AbortSignal chained to ours) on every call. The client's fixed headers
 * are a plain object given to fetch as they are; a call's own (a form's Content-Type) join them.
 */
function outgoingRequest(fixedHeaders: Readonly<Record<string, string>>) {
  return class OutgoingRequest {
    readonly url: string;
    readonly method: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: RequestInit['body'];
    readonly signal: AbortSignal | null;
    readonly redirect: RequestInit['redirect'];

    constructor(url: string, init: RequestInit) {
      this.url = url;
      this.method = init.method ?? 'GET';
      let headers = fixedHeaders;
      for (const [name, value] of init.headers as Headers) headers = { ...headers, [name]: value };
      this.headers = headers;
      this.body = init.body ?? null;
      this.signal = init.signal ?? null;
      this.redirect = init.redirect ?? 'follow';
    }
  };
}

/**
 * The client for our own calls (never handed to users). They are built by sendRaw only: the base
 * origin, a path of the spec with every parameter percent-encoded as one segment, and a query that
 * already carries companyKey; so the Authorization header is one of its fixed headers, and no
 * middleware rebuilds the request.
 */
export function createOwnClient(config: RawClientConfig): CareAnalyticsRawClient {
  const headers = {
    Accept: 'application/json',
    'User-Agent': config.userAgent,
    Authorization: basicAuthorization(config.credentials.username, config.credentials.password),
  };
  const options = {
    baseUrl: config.baseUrl.href.replace(/\/+$/, ''),
    pathSerializer: serializePath,
    // sendRaw passes the query serialized by us, byte for byte.
    querySerializer: (query: unknown) => (typeof query === 'string' ? query : ''),
  };
  if (config.fetch !== globalFetch) return createClient<paths>({ ...options, fetch: config.fetch, headers });
  return createClient<paths>({
    ...options,
    // openapi-fetch types `Request` as the global class; it only ever calls `new Request(url, init)`.
    Request: outgoingRequest(headers) as unknown as typeof Request,
    fetch: (request) => globalThis.fetch(request.url, request as unknown as RequestInit),
  });
}

/**
 * A typed client with the credentials middleware. The client makes two: one for our own calls and
 * `ca.raw`, so that middleware a user adds to `ca.raw` never changes a `reports.*` call.
 */
export function createRawClient(config: RawClientConfig): CareAnalyticsRawClient {
  const client = createClient<paths>({
    baseUrl: config.baseUrl.href.replace(/\/+$/, ''),
    fetch: config.fetch,
    pathSerializer: serializePath,
    headers: { Accept: 'application/json', 'User-Agent': config.userAgent },
  });
  client.use(credentialsMiddleware(config));
  return client;
}

/** The paths of the spec, from generated/schema.ts. */
export type ApiPath = keyof paths;

export interface RawCall {
  readonly method: 'GET' | 'POST';
  /**
   * A path template of the spec, e.g. `/reports/report/{workflowId}/{runId}/status`, typed by the
   * generated `paths`: renaming a path in openapi/ breaks the build at every call.
   */
  readonly path: ApiPath;
  readonly pathParams?: Readonly<Record<string, string>>;
  /** Query already serialized by us (without companyKey). */
  readonly query?: string;
  readonly formBody?: string | undefined;
  readonly parseAs: 'text' | 'stream';
  /** Default manual: a redirect must never carry our credentials anywhere. */
  readonly redirect?: RequestInit['redirect'];
  readonly signal: AbortSignal;
}

export interface RawOutcome {
  readonly response: Response;
  /** Body text (parseAs text) or stream (parseAs stream) of a 2xx; the error body otherwise. */
  readonly data: unknown;
  readonly errorBody: unknown;
}

/**
 * Sends one request through a client from createOwnClient (whose query serializer passes our
 * serialized query through). Our stages work with paths chosen at run time
 * (one per report type), which openapi-fetch's literal-path typing cannot express, hence the
 * single cast here; the typed surface stays available to users through `ca.raw`.
 */
export async function sendRaw(client: CareAnalyticsRawClient, call: RawCall): Promise<RawOutcome> {
  const init = {
    params: { path: call.pathParams ?? {}, query: call.query ?? '' },
    ...(call.formBody === undefined
      ? {}
      : {
          body: call.formBody,
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
    parseAs: call.parseAs,
    redirect: call.redirect ?? 'manual',
    signal: call.signal,
  };
  const request = client.request as unknown as (
    method: string,
    path: string,
    init: object,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const { data, error, response } = await request(call.method.toLowerCase(), call.path, init);
  return { response, data, errorBody: error };
}
