import { expect } from 'vitest';
import type { LocalServer } from '../../client/support/local-server.js';

export interface Secrets {
  readonly password: string;
  readonly companyKey: string;
  /** base64 of user:password, as sent in the Authorization header. */
  readonly basic: string;
}

/** No credential in any request a server other than the API received: header, URL or both. */
export function expectNoCredentials(servers: readonly LocalServer[], secrets: Secrets): number {
  let requests = 0;
  for (const server of servers) {
    for (const request of server.requests) {
      requests++;
      expect(request.headers.authorization).toBeUndefined();
      const text = `${request.url}\n${JSON.stringify(request.headers)}`;
      for (const value of [
        secrets.password,
        secrets.companyKey,
        secrets.basic,
        encodeURIComponent(secrets.password),
        encodeURIComponent(secrets.companyKey),
      ]) {
        expect(text).not.toContain(value);
      }
      expect(text).not.toMatch(/companyKey|analyticsAccessToken/i);
    }
  }
  return requests;
}
