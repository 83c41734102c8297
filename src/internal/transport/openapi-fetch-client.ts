// The only module that imports openapi-fetch: swapping the HTTP layer means rewriting this file
// and src/types/raw-client.ts, which names openapi-fetch's Client type for the public `ca.raw`.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../generated/schema.js';
import type { FetchLike } from '../../types/fetch-like.js';
import type { CareAnalyticsRawClient } from '../../types/raw-client.js';
import { serializePath } from '../serialization/path-segment.js';
import { basicAuthorization } from './basic-auth.js';
import { defaultFetch } from './default-fetch.js';
import { assertSameOrigin } from './origin-guard.js';
import { PlainRequest } from './plain-request.js';

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

/**
 * How `ca.raw` attaches credentials: Basic auth header and `companyKey` query parameter, after
 * checking the request goes to the configured origin (our own calls are built whole by sendRaw
 * on createOwnClient's client). companyKey is appended as text so a query serialized by the
 * caller (byte for byte) is not re-encoded by URLSearchParams.
 */
function credentialsMiddleware(config: RawClientConfig): Middleware {
  const authorization = basicAuthorization(config.credentials.username, config.credentials.password);
  return {
    async onRequest({ request }) {
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

/**
 * The client for our own calls (never handed to users). They are built by sendRaw only: the base
 * origin, a path of the spec with every parameter percent-encoded as one segment, and a query that
 * already carries companyKey; so the Authorization header is one of its fixed headers, and no
 * middleware rebuilds the request. On the default fetch, a request is a PlainRequest.
 */
export function createOwnClient(config: RawClientConfig): CareAnalyticsRawClient {
  return createClient<paths>({
    baseUrl: config.baseUrl.href.replace(/\/+$/, ''),
    fetch: config.fetch,
    ...(config.fetch === defaultFetch ? { Request: PlainRequest as unknown as typeof Request } : {}),
    pathSerializer: serializePath,
    // sendRaw passes the query serialized by us, byte for byte.
    querySerializer: (query: unknown) => (typeof query === 'string' ? query : ''),
    headers: {
      Accept: 'application/json',
      'User-Agent': config.userAgent,
      Authorization: basicAuthorization(config.credentials.username, config.credentials.password),
    },
  });
}

/**
 * `ca.raw`: a typed client with the credentials middleware, apart from our own calls' client, so
 * that middleware a user adds to `ca.raw` never changes a `reports.*` call.
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
