import { ApiError } from '../../errors/api-error.js';
import { envelopeMessage, readEnvelope } from './read-envelope.js';
import type { ResponseContext } from './response-context.js';

/**
 * The `result` of a PASS envelope; anything else is an ApiError carrying the API's own words.
 * The context is built only for that error: a status poll must not pay for it on every answer.
 */
export function unwrapEnvelope(body: unknown, contextOf: () => ResponseContext): unknown {
  const envelope = readEnvelope(body);
  if (envelope?.status === 'PASS') return envelope.result;
  const context = contextOf();
  const where = `${context.method} ${new URL(context.url).pathname}`;
  if (!envelope) {
    throw new ApiError(`${where} returned a body that is not the API's JSON envelope`, context);
  }
  const text = envelopeMessage(envelope) ?? 'no message';
  throw new ApiError(`${where} answered ${String(envelope.status)}: ${text}`, context);
}
