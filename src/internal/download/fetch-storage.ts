import { ApiError } from '../../errors/api-error.js';
import type { FetchLike } from '../../types/fetch-like.js';
import { assertTransportAllowed } from '../transport/origin-guard.js';
import type { RetryContext } from '../transport/with-retry.js';
import { withRetry } from '../transport/with-retry.js';

const MAX_HOPS = 5;
const isRedirect = (status: number) => status >= 300 && status < 400;

/** The storage answer: the file, or a sign that the pre-signed URL is no longer accepted. */
export type StorageOutcome =
  | { readonly kind: 'file'; readonly response: Response }
  | { readonly kind: 'rejected' };

/**
 * Fetches the pre-signed file URL with no Authorization header and no companyKey: object
 * stores reject a signed URL that also carries Authorization, and the credentials must not
 * leave the API origin. Further redirects are followed by hand under the same rule.
 */
export async function fetchStorage(
  fetch: FetchLike,
  location: URL,
  retry: Omit<RetryContext, 'accept' | 'streaming' | 'method' | 'url' | 'idempotent'>,
  allowInsecureHttp: boolean,
): Promise<StorageOutcome> {
  let url = location;
  let lastStatus = 0;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    assertTransportAllowed('download URL', url, allowInsecureHttp);
    const target = url;
    const { response } = await withRetry(
      {
        ...retry,
        idempotent: true,
        streaming: true,
        method: 'GET',
        url: `${target.origin}${target.pathname}`,
        accept: (status) => status < 300 || isRedirect(status) || status === 400 || status === 403,
      },
      async (signal) => ({ response: await fetch(new Request(target, { redirect: 'manual', signal })) }),
    );
    if (response.status === 400 || response.status === 403) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'rejected' };
    }
    if (!isRedirect(response.status)) return { kind: 'file', response };
    lastStatus = response.status;
    await response.body?.cancel().catch(() => {});
    const next = response.headers.get('location');
    if (!next) break;
    url = new URL(next, target);
  }
  throw new ApiError('The download URL redirected too often or without a Location', {
    status: lastStatus,
    method: 'GET',
    url: location.href,
    secrets: retry.secrets,
  });
}
