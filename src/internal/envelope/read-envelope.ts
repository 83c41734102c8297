/**
 * Every JSON response of this API (docs/vendor-notes.md §1):
 * `{status:"PASS", request, message, result}`.
 */
export interface Envelope {
  readonly status: unknown;
  readonly message: unknown;
  readonly result: unknown;
}

/**
 * The envelope from a body given as text (run endpoints declare text/plain although they send
 * JSON, so we parse whatever the Content-Type says) or already parsed; undefined if it is not one.
 */
export function readEnvelope(body: unknown): Envelope | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('status' in value))
    return undefined;
  const { status, message, result } = value as Record<string, unknown>;
  return { status, message, result };
}

/** A failure envelope's text: `message`, or `result` when that is a string (docs/vendor-notes.md §1). */
export function envelopeMessage(envelope: Envelope): string | undefined {
  if (typeof envelope.message === 'string' && envelope.message) return envelope.message;
  if (typeof envelope.result === 'string' && envelope.result) return envelope.result;
  return undefined;
}
