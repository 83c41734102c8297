import { ApiError } from '../../errors/api-error.js';
import { ValidationError } from '../../errors/validation-error.js';
import { assertTransportAllowed } from '../transport/origin-guard.js';

export interface RedirectContext {
  readonly method: string;
  /** The URL that answered with the redirect (for the error; its query is never shown). */
  readonly from: string;
  readonly status: number;
  readonly allowInsecureHttp: boolean;
  readonly secrets: readonly string[];
}

/**
 * Where a redirect of the service (or of its storage) may lead. A refusal is the service's fault,
 * not the caller's, so it is an ApiError (the job stays downloadable later), never a
 * ValidationError. A Location with userinfo is refused at once and never repeated back: it would
 * put a credential into a URL, a log line or an error message.
 */
export function redirectTarget(location: string, context: RedirectContext): URL {
  const fail = (why: string) =>
    new ApiError(`The service's redirect was refused: ${why}`, {
      status: context.status,
      method: context.method,
      url: context.from,
      secrets: context.secrets,
    });
  let url: URL;
  try {
    url = new URL(location, context.from);
  } catch {
    throw fail('its Location is not a URL');
  }
  if (url.username || url.password) throw fail('its Location carries a user name or password');
  try {
    assertTransportAllowed('download URL', url, context.allowInsecureHttp);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const where =
      url.protocol === 'http:' || url.protocol === 'https:' ? `${url.protocol}//${url.host}` : url.protocol;
    throw fail(
      url.protocol === 'http:'
        ? `it leads to plain http off this machine (${where}); pass allowInsecureHttp: true to accept that`
        : `it leads to ${where}, which is not https`,
    );
  }
  return url;
}
