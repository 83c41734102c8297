import type { FetchLike } from '../../types/fetch-like.js';
import type { Hooks } from '../../types/hooks.js';
import type { CareAnalyticsRawClient } from '../../types/raw-client.js';
import type { RequestOptions } from '../../types/request-options.js';
import { requestIdOf } from '../envelope/response-context.js';
import { unwrapEnvelope } from '../envelope/unwrap-envelope.js';
import type { RequestGate } from '../schedule/request-gate.js';
import { serializePath } from '../serialization/path-segment.js';
import { basicAuthorization } from './basic-auth.js';
import { checkTimeoutMs } from './check-timeout.js';
import {
  type Credentials,
  createOwnClient,
  createRawClient,
  type RawCall,
  type RawOutcome,
  sendRaw,
} from './openapi-fetch-client.js';
import type { RetryPolicy } from './retry-policy.js';
import { withRetry } from './with-retry.js';

export interface TransportConfig {
  readonly hooks: Hooks;
  readonly baseUrl: URL;
  readonly fetch: FetchLike;
  /** What fetches the pre-signed file URL: `fetch` when one was injected, else socketFetch. */
  readonly storageFetch: FetchLike;
  readonly userAgent: string;
  readonly timeoutMs: number;
  /** Longest silence mid-body before a download is reopened (or fails). */
  readonly bodyTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly allowInsecureHttp: boolean;
  /** Client-wide pause after a 429 and optional request budget, shared by every call. */
  readonly gate?: RequestGate;
}

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  /** False only for the run call (see RetryContext.idempotent). */
  readonly idempotent?: boolean;
  readonly accept?: (status: number) => boolean;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * Everything a stage needs to talk to the API: a typed client of its own plus retry and redaction.
 * Credentials live only in private fields and closures, so logging a client or a job with
 * util.inspect or JSON.stringify cannot print them.
 */
export class Transport {
  /** `ca.raw`: same origin rules and credentials as our calls, its own middleware. */
  readonly raw: CareAnalyticsRawClient;
  readonly #client: CareAnalyticsRawClient;
  readonly config: TransportConfig;
  readonly #secrets: string[];
  readonly #credentials: Credentials;
  /** Added to every query here, so the credentials middleware need not rebuild the Request. */
  readonly #companyKeyParam: string;
  /** The base URL without its trailing slashes, the start of every described URL. */
  readonly #base: string;
  /** Every attempt first waits at the client's request gate (made once, not per call). */
  readonly #beforeAttempt: ((signal: AbortSignal | undefined) => Promise<void>) | undefined;

  /** `secrets`: a parent's list, shared so that a token one of them learns is masked by all. */
  constructor(config: TransportConfig, credentials: Credentials, secrets?: string[]) {
    this.config = config;
    this.#credentials = credentials;
    this.raw = createRawClient({ ...config, credentials });
    this.#client = createOwnClient({ ...config, credentials });
    const { username, password, companyKey } = credentials;
    this.#companyKeyParam = `companyKey=${encodeURIComponent(companyKey)}`;
    this.#base = config.baseUrl.href.replace(/\/+$/, '');
    const { gate } = config;
    this.#beforeAttempt = gate && ((signal) => gate.ready(signal));
    const basic = basicAuthorization(username, password).slice('Basic '.length);
    // Every spelling of each (percent-encoded, JSON-escaped) is masked too: see secretForms.
    this.#secrets = secrets ?? [password, companyKey, basic];
  }

  /** This transport with one call's own timeout and retry rules (same credentials and hooks). */
  with(options: RequestOptions): Transport {
    if (options.timeoutMs === undefined && options.retry === undefined) return this;
    const config = {
      ...this.config,
      timeoutMs: checkTimeoutMs(options.timeoutMs ?? this.config.timeoutMs),
      retry: { ...this.config.retry, ...options.retry },
    };
    return new Transport(config, this.#credentials, this.#secrets);
  }

  /** Exact values masked in every error message. */
  get secrets(): readonly string[] {
    return this.#secrets;
  }

  /** Bytes of the URL `call` goes out with, companyKey included (for the URL-length budget). */
  sentUrlLength(call: Pick<RawCall, 'path' | 'pathParams' | 'query'>): number {
    const query = `${call.query ? `${call.query}&` : ''}companyKey=${encodeURIComponent(this.#credentials.companyKey)}`;
    return Buffer.byteLength(`${this.describeUrl(call)}?${query}`);
  }

  /** Adds a value to mask from now on (an analyticsAccessToken the API handed out). */
  rememberSecret(value: string): void {
    if (value && !this.#secrets.includes(value)) this.#secrets.push(value);
  }

  /** URL for messages: origin, base path and the concrete path, never the query. */
  describeUrl(call: Pick<RawCall, 'path' | 'pathParams'>): string {
    return `${this.#base}${serializePath(call.path, call.pathParams ?? {})}`;
  }

  call(call: Omit<RawCall, 'signal'>, options: CallOptions = {}): Promise<RawOutcome> {
    return this.#send(call, options, this.describeUrl(call));
  }

  /** A JSON call whose envelope is unwrapped: returns `result`. */
  async callForResult(
    call: Omit<RawCall, 'signal' | 'parseAs'>,
    options: CallOptions = {},
  ): Promise<unknown> {
    const url = this.describeUrl(call);
    const { response, data } = await this.#send({ ...call, parseAs: 'text' }, options, url);
    return unwrapEnvelope(data, () => ({
      method: call.method,
      url,
      status: response.status,
      requestId: requestIdOf(response.headers),
      secrets: this.secrets,
    }));
  }

  /** `url`: the call's describeUrl, worked out once per call. */
  #send(call: Omit<RawCall, 'signal'>, options: CallOptions, url: string): Promise<RawOutcome> {
    const query = call.query ? `${call.query}&${this.#companyKeyParam}` : this.#companyKeyParam;
    return withRetry(
      {
        policy: this.config.retry,
        hooks: this.config.hooks,
        timeoutMs: this.config.timeoutMs,
        secrets: this.secrets,
        signal: options.signal,
        idempotent: options.idempotent ?? true,
        accept: options.accept ?? is2xx,
        streaming: call.parseAs === 'stream',
        method: call.method,
        url,
        beforeAttempt: this.#beforeAttempt,
      },
      async (signal) => {
        const outcome = await sendRaw(this.#client, { ...call, query, signal });
        this.config.gate?.observe(outcome.response);
        return outcome;
      },
    );
  }
}
