import { type CareAnalyticsOptions, createCareAnalytics } from '../../../src/index.js';

export interface Recorded {
  readonly method: string;
  readonly url: URL;
  /** The raw URL text, to assert encodings byte for byte. */
  readonly href: string;
  readonly headers: Headers;
  readonly body: string;
  readonly signal: AbortSignal;
}

export type Handler = (request: Recorded, index: number) => Response | Promise<Response>;

/**
 * An injected fetch that records every request (like openapi-fetch's own tests) and answers
 * from `handler`. It rejects as real fetch does when the request's signal aborts.
 */
export function observedFetch(handler: Handler) {
  const requests: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const recorded: Recorded = {
      method: request.method,
      url: new URL(request.url),
      href: request.url,
      headers: new Headers(request.headers),
      body: request.body ? await request.text() : '',
      signal: request.signal,
    };
    const index = requests.push(recorded) - 1;
    request.signal.throwIfAborted();
    return await new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      Promise.resolve()
        .then(() => handler(recorded, index))
        .then(resolve, reject);
    });
  };
  return { fetch, requests };
}

export const credentials = {
  username: 'analytics-ü-user',
  password: 'pä$$wörd-S3cret!',
  companyKey: 'CK-0123456789abcdef',
} as const;

export const BASE = 'https://analytics.example.test/api/public';

export function pass(result: unknown, init?: ResponseInit): Response {
  return new Response(JSON.stringify({ status: 'PASS', request: null, message: null, result }), {
    status: 200,
    headers: { 'content-type': 'text/plain' },
    ...init,
  });
}

export const started = (extra: Record<string, unknown> = {}) =>
  pass({ workflowId: '7d3c1a2e-0000-4000-8000-000000000001', runId: 'ab+cd/ef==', ...extra });

export const status = (runnerState: string, detail = '', extra: Record<string, unknown> = {}) =>
  pass({
    jobInfo: { workflowId: '7d3c1a2e-0000-4000-8000-000000000001', runId: 'ab+cd/ef==' },
    result: { runnerState, detail, reason: null, currentCount: 1, totalCount: 2, ...extra },
  });

/** A client over an observed fetch, with millisecond backoffs so retry tests run fast. */
export function observedClient(handler: Handler, options: Partial<CareAnalyticsOptions> = {}) {
  const observed = observedFetch(handler);
  const ca = createCareAnalytics({
    baseUrl: BASE,
    ...credentials,
    fetch: observed.fetch,
    retry: { baseDelayMs: 1, backoffLimitMs: 5 },
    onWarning: () => {},
    ...options,
  });
  return { ca, requests: observed.requests };
}

export const DAY = 86_400_000;
const recentMidnight = Math.floor(Date.now() / DAY) * DAY - 8 * DAY;
/** A whole week that ended yesterday: inside the API's retention whenever the tests run, so it draws no warning. */
export const window = { startTime: recentMidnight, endTime: recentMidnight + 7 * DAY };
