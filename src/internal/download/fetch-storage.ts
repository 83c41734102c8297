import { ApiError } from '../../errors/api-error.js';
import type { FetchLike } from '../../types/fetch-like.js';
import type { RetryContext } from '../transport/with-retry.js';
import { withRetry } from '../transport/with-retry.js';
import { redirectTarget } from './redirect-target.js';

const MAX_HOPS = 5;
const isRedirect = (status: number) => status >= 300 && status < 400;

/** The storage answer: the file (or part of it), or a sign that the pre-signed URL is no longer accepted. */
export type StorageOutcome =
  | { readonly kind: 'file'; readonly response: Response; readonly url: URL }
  | { readonly kind: 'rejected' };

export interface StorageRequest {
  readonly fetch: FetchLike;
  readonly retry: Omit<RetryContext, 'accept' | 'streaming' | 'method' | 'url' | 'idempotent'>;
  readonly allowInsecureHttp: boolean;
  /** Ask for the bytes from this offset on (`Range: bytes=<from>-`). */
  readonly from?: number | undefined;
}

/** Origin and path of a storage URL: what errors may name (the signed query never). */
export const storagePlace = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * Fetches the pre-signed file URL with no Authorization header and no companyKey: object
 * stores reject a signed URL that also carries Authorization, and the credentials must not
 * leave the API origin. Further redirects are followed by hand under the same rules.
 */
export async function fetchStorage(location: URL, request: StorageRequest): Promise<StorageOutcome> {
  let url = location;
  let lastStatus = 0;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const target = url;
    const headers: Record<string, string> = {};
    if (request.from) headers.range = `bytes=${request.from}-`;
    const { response } = await withRetry(
      {
        ...request.retry,
        idempotent: true,
        streaming: true,
        method: 'GET',
        url: storagePlace(target),
        accept: (status) =>
          status < 300 || isRedirect(status) || status === 400 || status === 403 || status === 416,
      },
      async (signal) => ({
        response: await request.fetch(new Request(target, { redirect: 'manual', signal, headers })),
      }),
    );
    if (response.status === 400 || response.status === 403) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'rejected' };
    }
    if (!isRedirect(response.status)) return { kind: 'file', response, url: target };
    lastStatus = response.status;
    await response.body?.cancel().catch(() => {});
    const next = response.headers.get('location');
    if (!next) break;
    url = redirectTarget(next, {
      method: 'GET',
      from: storagePlace(target),
      status: response.status,
      allowInsecureHttp: request.allowInsecureHttp,
      secrets: request.retry.secrets,
    });
  }
  throw new ApiError('The download URL redirected too often or without a Location', {
    status: lastStatus,
    method: 'GET',
    url: storagePlace(location),
    secrets: request.retry.secrets,
  });
}
