import type { FetchLike } from '../../types/fetch-like.js';
import type { CareAnalyticsRawClient } from '../../types/raw-client.js';
import { requestIdOf } from '../envelope/response-context.js';
import { unwrapEnvelope } from '../envelope/unwrap-envelope.js';
import { serializePath } from '../serialization/path-segment.js';
import { basicAuthorization } from './basic-auth.js';
import {
  type Credentials,
  createRawClient,
  type RawCall,
  type RawOutcome,
  sendRaw,
} from './openapi-fetch-client.js';
import type { RetryPolicy } from './retry-policy.js';
import { withRetry } from './with-retry.js';

export interface TransportConfig {
  readonly baseUrl: URL;
  readonly fetch: FetchLike;
  readonly userAgent: string;
  readonly timeoutMs: number;
  /** Longest silence mid-body before a download is reopened (or fails). */
  readonly bodyTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly allowInsecureHttp: boolean;
}

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  /** False only for the run call (see RetryContext.idempotent). */
  readonly idempotent?: boolean;
  readonly accept?: (status: number) => boolean;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * Everything a stage needs to talk to the API: the typed client plus retry and redaction.
 * Credentials live only in private fields and closures, so logging a client or a job with
 * util.inspect or JSON.stringify cannot print them.
 */
export class Transport {
  readonly raw: CareAnalyticsRawClient;
  readonly config: TransportConfig;
  readonly #secrets: string[];
  readonly #companyKey: string;

  constructor(config: TransportConfig, credentials: Credentials) {
    this.config = config;
    this.raw = createRawClient({ ...config, credentials });
    const { username, password, companyKey } = credentials;
    const basic = basicAuthorization(username, password).slice('Basic '.length);
    // Every spelling of each (percent-encoded, JSON-escaped) is masked too: see secretForms.
    this.#secrets = [password, companyKey, basic];
    this.#companyKey = companyKey;
  }

  /** Exact values masked in every error message. */
  get secrets(): readonly string[] {
    return this.#secrets;
  }

  /** Bytes of the URL `call` goes out with, companyKey included (for the URL-length budget). */
  sentUrlLength(call: Pick<RawCall, 'path' | 'pathParams' | 'query'>): number {
    const query = `${call.query ? `${call.query}&` : ''}companyKey=${encodeURIComponent(this.#companyKey)}`;
    return Buffer.byteLength(`${this.describeUrl(call)}?${query}`);
  }

  /** Adds a value to mask from now on (an analyticsAccessToken the API handed out). */
  rememberSecret(value: string): void {
    if (value && !this.#secrets.includes(value)) this.#secrets.push(value);
  }

  /** URL for messages: origin, base path and the concrete path, never the query. */
  describeUrl(call: Pick<RawCall, 'path' | 'pathParams'>): string {
    return `${this.config.baseUrl.href.replace(/\/+$/, '')}${serializePath(call.path, call.pathParams ?? {})}`;
  }

  call(call: Omit<RawCall, 'signal'>, options: CallOptions = {}): Promise<RawOutcome> {
    return withRetry(
      {
        policy: this.config.retry,
        timeoutMs: this.config.timeoutMs,
        secrets: this.secrets,
        signal: options.signal,
        idempotent: options.idempotent ?? true,
        accept: options.accept ?? is2xx,
        streaming: call.parseAs === 'stream',
        method: call.method,
        url: this.describeUrl(call),
      },
      (signal) => sendRaw(this.raw, { ...call, signal }),
    );
  }

  /** A JSON call whose envelope is unwrapped: returns `result`. */
  async callForResult(
    call: Omit<RawCall, 'signal' | 'parseAs'>,
    options: CallOptions = {},
  ): Promise<unknown> {
    const { response, data } = await this.call({ ...call, parseAs: 'text' }, options);
    return unwrapEnvelope(data, {
      method: call.method,
      url: this.describeUrl(call),
      status: response.status,
      requestId: requestIdOf(response.headers),
      secrets: this.secrets,
    });
  }
}
