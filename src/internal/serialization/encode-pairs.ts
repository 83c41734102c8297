import type { WireValue } from '../../parameters/check-rule.js';

/** A parameter after validation: a scalar or a list, in the API's own terms. */
export type { WireValue };
export type WireStyle = 'scalar' | 'commaJoined' | 'repeated';

export interface WireParam {
  readonly name: string;
  readonly value: WireValue;
  readonly serialization: WireStyle;
}

/**
 * `name=value` pairs joined by `&`, each side percent-encoded with encodeURIComponent. The same
 * bytes serve a query string and an `application/x-www-form-urlencoded` body (decoders accept
 * `%20` for a space), so one function owns the wire format of both. The API needs two list
 * styles side by side, which is why this is ours and not openapi-fetch's global serializer:
 * `priorities=0%2C1%2C2` (style form, explode false — the comma is encoded as part of the value)
 * and `reportMetrics=a&reportMetrics=b` (style form, explode true).
 */
export function encodePairs(params: readonly WireParam[]): string {
  const pairs: string[] = [];
  for (const { name, value, serialization } of params) {
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) {
      if (serialization === 'repeated') {
        for (const item of value) pairs.push(`${key}=${encodeURIComponent(String(item))}`);
      } else {
        pairs.push(`${key}=${encodeURIComponent(value.join(','))}`);
      }
    } else {
      pairs.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  }
  return pairs.join('&');
}
