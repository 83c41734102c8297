import type { FetchLike } from '../../types/fetch-like.js';

let loaded: FetchLike | undefined;
let loadedStorage: FetchLike | undefined;

/**
 * The client's fetch when none is injected: node-http-fetch, loaded with the first request rather
 * than with the client entry (`npm run bench`, entry size).
 */
export const defaultFetch: FetchLike = async (request) => {
  loaded ??= (await import('./node-http-fetch.js')).nodeHttpFetch;
  return loaded(request);
};

/** The storage leg's fetch when none is injected: socket-fetch, loaded with the first download. */
export const defaultStorageFetch: FetchLike = async (request) => {
  loadedStorage ??= (await import('./socket-fetch.js')).socketFetch();
  return loadedStorage(request);
};
