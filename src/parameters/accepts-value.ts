import type { ParameterRule } from '../../generated/report-rules.js';

/**
 * Whether one scalar value (or one item of a list) meets a rule's enum and bounds: the spec's
 * enum, or for `orAbove` rules also any integer above it (timeInterval: monthly buckets), within
 * `minimum`…`maximum`. The client's validation and the CLI's `types` listing both ask this.
 */
export function acceptsValue(rule: ParameterRule, value: unknown): boolean {
  const inEnum =
    rule.enum === undefined ||
    rule.enum.includes(value as string | number) ||
    (rule.orAbove !== undefined && typeof value === 'number' && value > rule.orAbove);
  const inRange =
    typeof value !== 'number' ||
    ((rule.minimum === undefined || value >= rule.minimum) &&
      (rule.maximum === undefined || value <= rule.maximum));
  return inEnum && inRange;
}
