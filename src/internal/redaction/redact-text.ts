// Secrets can reach an error message through text we do not control (a server message echoing
// the request URL, an undici error quoting a header), so every message is scrubbed twice: by
// pattern (credential-shaped substrings) and by value (the exact secrets this client holds).
const SECRET_QUERY =
  /\b(companyKey|analyticsAccessToken|X-Amz-Signature|X-Amz-Credential|Signature|sig|token)=([^&\s"'#]+)/gi;
const AUTH_SCHEME = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{4,}/g;
const MASK = '***';

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET_QUERY, `$1=${MASK}`).replace(AUTH_SCHEME, `$1 ${MASK}`);
  for (const secret of secrets) {
    // Very short values would mask ordinary words; real keys and passwords are longer.
    if (secret.length >= 4) out = out.split(secret).join(MASK);
  }
  return out;
}

export { MASK };
