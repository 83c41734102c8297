/**
 * The spellings in which a secret value can reach a message: as is, percent-encoded the way
 * encodeURIComponent and URLSearchParams write it (upper or lower case hex), and JSON-escaped.
 */
export function secretForms(secret: string): string[] {
  let encoded: string;
  try {
    encoded = encodeURIComponent(secret);
  } catch {
    encoded = secret; // a lone surrogate: no percent-encoded form exists
  }
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const lower = (text: string) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, encoded, lower(encoded), form, lower(form), json])];
}
