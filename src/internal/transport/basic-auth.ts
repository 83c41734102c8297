/**
 * `btoa` throws on characters outside Latin-1 and would mangle others; the API user's name or
 * password may contain any Unicode, so encode the UTF-8 bytes (RFC 7617 `charset="UTF-8"`).
 */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
