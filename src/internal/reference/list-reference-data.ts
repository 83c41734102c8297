import { ApiError } from '../../errors/api-error.js';
import type { Team, TimeZone } from '../../types/reference-data.js';
import { encodePairs } from '../serialization/encode-pairs.js';
import type { ApiPath } from '../transport/openapi-fetch-client.js';
import type { Transport } from '../transport/transport.js';

async function listOf<T>(
  transport: Transport,
  path: ApiPath,
  query: string,
  signal?: AbortSignal,
): Promise<T[]> {
  const result = await transport.callForResult({ method: 'GET', path, query }, { signal });
  if (!Array.isArray(result)) {
    throw new ApiError(`GET ${path} returned no list`, {
      status: 200,
      method: 'GET',
      url: transport.describeUrl({ path }),
    });
  }
  return result as T[];
}

/** Time-zone ids accepted by the `timezone` report parameter. */
export function listTimeZones(transport: Transport, options: { locale?: string; signal?: AbortSignal } = {}) {
  const query = options.locale
    ? encodePairs([{ name: 'locale', value: options.locale, serialization: 'scalar' }])
    : '';
  return listOf<TimeZone>(transport, '/config/timezones', query, options.signal);
}

/** The company's teams, with the numeric ids `teamIds` and `teamId` expect. */
export function listTeams(transport: Transport, options: { signal?: AbortSignal } = {}) {
  return listOf<Team>(transport, '/teams', '', options.signal);
}
