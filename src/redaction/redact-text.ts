import { secretForms } from './secret-forms.js';

// Secrets can reach an error message through text we do not control (a server message echoing
// the request URL, an undici error quoting a header), so every message is scrubbed twice: by
// pattern (credential-shaped substrings) and by value (the exact secrets this client holds).
const SECRET_QUERY =
  /\b(companyKey|analyticsAccessToken|X-Amz-Signature|X-Amz-Credential|Signature|sig|token)=([^&\s"'#]+)/gi;
const AUTH_SCHEME = /\b(Basic|Bearer)\s+([A-Za-z0-9+/=._~-]{4,})/g;
const MASK = '***';

/**
 * Whether `token` after `Basic` can be a credential: base64 of `user:password`. Prose such as
 * "valid Basic credentials" is left readable; any Bearer token is masked.
 */
function isCredential(scheme: string, token: string): boolean {
  if (scheme !== 'Basic') return true;
  return /^[A-Za-z0-9+/]+={0,2}$/.test(token) && Buffer.from(token, 'base64').includes(':');
}

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(SECRET_QUERY, `$1=${MASK}`)
    .replace(AUTH_SCHEME, (match, scheme: string, token: string) =>
      isCredential(scheme, token) ? `${scheme} ${MASK}` : match,
    );
  // Longest first, so that a secret inside another (a password inside its Basic token's text)
  // cannot leave part of the longer one readable.
  const forms = secrets.flatMap(secretForms).sort((a, b) => b.length - a.length);
  for (const form of forms) {
    // Very short values would mask ordinary words; real keys and passwords are longer.
    if (form.length >= 4) out = out.split(form).join(MASK);
  }
  return out;
}

export { MASK };
