import { ApiError } from '../../errors/api-error.js';
import { envelopeMessage, readEnvelope } from './read-envelope.js';
import type { ResponseContext } from './response-context.js';

/** The `result` of a PASS envelope; anything else is an ApiError carrying the API's own words. */
export function unwrapEnvelope(body: unknown, context: ResponseContext): unknown {
  const envelope = readEnvelope(body);
  const where = `${context.method} ${new URL(context.url).pathname}`;
  if (!envelope) {
    throw new ApiError(`${where} returned a body that is not the API's JSON envelope`, context);
  }
  if (envelope.status !== 'PASS') {
    const text = envelopeMessage(envelope) ?? 'no message';
    throw new ApiError(`${where} answered ${String(envelope.status)}: ${text}`, context);
  }
  return envelope.result;
}
