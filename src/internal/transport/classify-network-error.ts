// Errors raised while opening the connection: no byte of the request can have been written.
const BEFORE_SEND_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function codesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 4) return [];
  const own = (error as { code?: unknown }).code;
  const codes = typeof own === 'string' ? [own] : [];
  const nested = error instanceof AggregateError ? error.errors : [];
  return [...codes, ...codesOf(error.cause, depth + 1), ...nested.flatMap((e) => codesOf(e, depth + 1))];
}

/**
 * True when the failure provably happened before the request left the machine (DNS failure,
 * connection refused). Only then may a non-idempotent call be sent again.
 */
export function failedBeforeSend(error: unknown): boolean {
  const codes = codesOf(error);
  return codes.length > 0 && codes.every((code) => BEFORE_SEND_CODES.has(code));
}
