// The request log tests assert on. It keeps query values as sent (companyKey and
// analyticsAccessToken included, so a test can check which one a client used); it is never
// printed, and the admin endpoint redacts those values before serving the log.
import type { IncomingMessage } from 'node:http';
import type { FaultRoute } from './faults.js';

/** One request either origin of the sandbox received (`sandbox.requests`), secrets redacted. */
export interface RecordedRequest {
  /** Which origin received it. */
  readonly origin: 'api' | 'storage';
  /** The sandbox route it matched (`unknown` when none). */
  readonly route: FaultRoute | 'unknown';
  readonly method: string;
  /** The path as sent, still percent-encoded, e.g. `/api/public/reports/report/conversation`. */
  readonly path: string;
  /** The raw query string as sent (`?a=b`), or '' — for byte-exact serialisation checks. */
  readonly search: string;
  /** Decoded query parameters; every value is a list (repeated keys keep their order). */
  readonly query: Readonly<Record<string, readonly string[]>>;
  /** Whether the request carried an Authorization header. */
  readonly hasAuthorization: boolean;
  /** The request body as sent (form posts), if any. */
  body: string | undefined;
  /** The HTTP status answered; undefined when the connection was cut before any response. */
  status: number | undefined;
}

const SECRET_PARAMETERS = new Set(['companyKey', 'analyticsAccessToken']);

/** Logs the request in `log`, dropping the oldest entries beyond `limit`. */
export function recordRequest(
  log: RecordedRequest[],
  limit: number,
  origin: 'api' | 'storage',
  route: FaultRoute | 'unknown',
  req: IncomingMessage,
  url: URL,
): RecordedRequest {
  const query: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
  const entry: RecordedRequest = {
    origin,
    route,
    method: req.method ?? 'GET',
    path: url.pathname,
    search: url.search,
    query,
    hasAuthorization: req.headers.authorization !== undefined,
    body: undefined,
    status: undefined,
  };
  log.push(entry);
  if (log.length > limit) log.splice(0, log.length - limit);
  return entry;
}

/** The log with secret query values replaced, safe to serve or print. */
export function redactedRequests(log: readonly RecordedRequest[]): unknown[] {
  return log.map((entry) => ({
    ...entry,
    search: entry.search.replace(/((?:companyKey|analyticsAccessToken)=)[^&]*/g, '$1***'),
    query: Object.fromEntries(
      Object.entries(entry.query).map(([key, values]) => [
        key,
        SECRET_PARAMETERS.has(key) ? values.map(() => '***') : values,
      ]),
    ),
  }));
}
