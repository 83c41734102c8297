import { CareAnalyticsError } from '../../errors/care-analytics-error.js';
import { ValidationError } from '../../errors/validation-error.js';

export const DEFAULT_BASE_URL = 'https://analytics-api.app.lithium.com/api/public';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Credentials travel in every request (Basic auth header, companyKey in the query), so plain
 * http is refused unless it cannot leave the machine (loopback) or the caller opted in.
 */
export function parseBaseUrl(baseUrl: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError(
      'baseUrl',
      `"${baseUrl}" is not an absolute URL`,
      `use e.g. ${DEFAULT_BASE_URL}`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ValidationError(
      'baseUrl',
      'it carries credentials, a query or a fragment',
      'pass only origin and path',
    );
  }
  assertTransportAllowed('baseUrl', url, allowInsecureHttp);
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** https anywhere; http only on loopback or with `allowInsecureHttp`. */
export function assertTransportAllowed(what: string, url: URL, allowInsecureHttp: boolean): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && (isLoopback(url.hostname) || allowInsecureHttp)) return;
  throw new ValidationError(
    what,
    `${url.protocol}//${url.host} is not https`,
    url.protocol === 'http:'
      ? 'use https, or pass allowInsecureHttp: true if you accept the risk'
      : 'use https',
  );
}

/** The one check before credentials are attached to a request. */
export function assertSameOrigin(url: URL, base: URL): void {
  if (url.origin !== base.origin) {
    throw new CareAnalyticsError(
      `Refusing to send credentials to ${url.origin}: only ${base.origin} may receive them`,
    );
  }
}

/**
 * The API sometimes returns statusUrl/downloadUrl on hosts other than the one we called (QA
 * hosts, typos). Such a URL is moved onto the configured origin, keeping its path and query
 * (the access token), so credentials never reach a host the user did not configure.
 */
export function rebaseOntoBase(returned: string, base: URL): URL {
  const url = new URL(returned, base);
  if (url.origin === base.origin) return url;
  return new URL(`${url.pathname}${url.search}`, base.origin);
}
