import { redactText } from './redact-text.js';

/**
 * Low-level errors (undici's `fetch failed`, fs errors) may quote URLs or headers. Errors we
 * expose carry a scrubbed copy as `cause` instead, keeping the name and the errno-style `code`
 * that callers branch on.
 */
export function sanitizeCause(cause: unknown, secrets: readonly string[] = []): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redactText(source.message, secrets));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code ?? (source.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') Object.assign(copy, { code });
  if (source.cause !== undefined) copy.cause = sanitizeCause(source.cause, secrets);
  return copy;
}
