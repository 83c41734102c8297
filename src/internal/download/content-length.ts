/**
 * The body length a response announces, when it announces one we can check: the one place
 * `Content-Length` is read. Undefined for an absent or malformed header, and for an encoded body
 * (fetch decodes gzip or br, so the header counts other bytes than the ones we see).
 */
export function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const value = response.headers.get('content-length');
  return value !== null && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** Whether fetch decoded this body (gzip, br…): byte offsets then refer to bytes we never see. */
export function isEncoded(response: Response): boolean {
  const encoding = response.headers.get('content-encoding');
  return !!encoding && encoding.trim().toLowerCase() !== 'identity';
}
