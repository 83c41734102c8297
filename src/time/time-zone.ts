/**
 * Whether `id` is an IANA time zone this runtime knows, exactly as spelled (Intl also accepts
 * other casings and some legacy names; the service lists canonical ids only). The one check used
 * by the client and by the sandbox.
 */
export function isTimeZone(id: string): boolean {
  if (id === '' || id !== id.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}
