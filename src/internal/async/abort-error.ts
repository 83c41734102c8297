/**
 * Aborts surface as the platform's own `AbortError` DOMException (what `fetch` and
 * `stream.pipeline` throw), whatever reason the caller passed to `abort()`; a custom reason is
 * kept as `cause`.
 */
export function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  const error = new DOMException('The operation was aborted', 'AbortError');
  if (reason !== undefined) Object.defineProperty(error, 'cause', { value: reason, enumerable: false });
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
