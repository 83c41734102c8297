import { MASK } from './redact-text.js';

// Query names whose values are credentials: ours (companyKey, analyticsAccessToken) and the
// signature parts of a pre-signed storage URL, which grant access to the export while valid.
const SECRET_PARAM =
  /^(companykey|analyticsaccesstoken|x-amz-(signature|credential|security-token)|signature|sig|token|key)$/i;

/** A URL fit for an error message: no userinfo, secret query values shown as `***`. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return '<invalid url>';
  }
  parsed.username = '';
  parsed.password = '';
  const names = new Set(parsed.searchParams.keys());
  for (const name of names) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, MASK);
  }
  // URLSearchParams percent-encodes the mask; keep it readable.
  return parsed.toString().replaceAll('%2A%2A%2A', MASK);
}
