import type { FetchLike } from '../../types/fetch-like.js';

let loaded: FetchLike | undefined;

/**
 * The client's fetch when none is injected: node-http-fetch, loaded with the first request rather
 * than with the client entry (`npm run bench`, entry size).
 */
export const defaultFetch: FetchLike = async (request) => {
  loaded ??= (await import('./node-http-fetch.js')).nodeHttpFetch;
  return loaded(request);
};
