import type { ParameterRule } from '../../../generated/report-rules.js';
import { encodePairs, type WireParam, type WireValue } from './encode-pairs.js';

export interface SerializedRequest {
  /** Query string without `?` (companyKey is added later, by the transport). */
  readonly query: string;
  /** Form body for the three body endpoints, undefined for query-only endpoints. */
  readonly formBody: string | undefined;
}

/** Places each validated parameter in the query or the form body, as the spec table says. */
export function serializeReportParams(
  rules: readonly ParameterRule[],
  values: Readonly<Record<string, WireValue>>,
  hasBody: boolean,
): SerializedRequest {
  const query: WireParam[] = [];
  const body: WireParam[] = [];
  for (const rule of rules) {
    const value = values[rule.name];
    if (value === undefined) continue;
    (rule.location === 'body' ? body : query).push({
      name: rule.name,
      value,
      serialization: rule.serialization,
    });
  }
  return { query: encodePairs(query), formBody: hasBody ? encodePairs(body) : undefined };
}
