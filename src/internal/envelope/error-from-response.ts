import { ApiError } from '../../errors/api-error.js';
import { AuthenticationError } from '../../errors/authentication-error.js';
import { RateLimitError } from '../../errors/rate-limit-error.js';
import { ServerError } from '../../errors/server-error.js';
import { envelopeMessage, readEnvelope } from './read-envelope.js';
import type { ResponseContext } from './response-context.js';

function describe(body: unknown, statusText: string): string {
  const envelope = readEnvelope(body);
  const fromEnvelope = envelope && envelopeMessage(envelope);
  if (fromEnvelope) return fromEnvelope;
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  return statusText || 'no message';
}

/** The typed error for an HTTP error status; the body (text or parsed JSON) supplies the message. */
export function errorFromResponse(
  context: ResponseContext,
  body: unknown,
  statusText: string,
  retryAfterMs?: number,
): ApiError {
  const message = `${context.method} ${new URL(context.url).pathname} failed with HTTP ${context.status}: ${describe(body, statusText)}`;
  const init = { ...context, secrets: context.secrets };
  if (context.status === 401 || context.status === 403) return new AuthenticationError(message, init);
  if (context.status === 429) return new RateLimitError(message, { ...init, retryAfterMs });
  if (context.status >= 500) return new ServerError(message, init);
  return new ApiError(message, init);
}
