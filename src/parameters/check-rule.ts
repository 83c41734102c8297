import type { ParameterRule } from '../../generated/report-rules.js';
import { ValidationError } from '../errors/validation-error.js';
import { MONTHLY_TIME_INTERVAL } from '../time/time-interval.js';
import { acceptsValue } from './accepts-value.js';

/** A parameter after validation: a scalar or a list, in the API's own terms. */
export type WireValue = string | number | boolean | readonly (string | number)[];

/** What `rule` accepts, in words, for error messages. */
export function describeAllowed(rule: ParameterRule): string {
  if (rule.enum && rule.orAbove !== undefined) {
    const meaning = rule.name === 'timeInterval' ? ` for monthly buckets, e.g. ${MONTHLY_TIME_INTERVAL}` : '';
    return `one of ${rule.enum.join(', ')}, or an integer above ${rule.orAbove}${meaning}`;
  }
  if (rule.enum) return `one of ${rule.enum.join(', ')}`;
  const range =
    rule.minimum !== undefined && rule.maximum !== undefined
      ? ` from ${rule.minimum} to ${rule.maximum}`
      : rule.minimum !== undefined
        ? ` of at least ${rule.minimum}`
        : '';
  const kind = rule.items ?? rule.type;
  if (kind === 'integerOrString') {
    const noComma = rule.pattern === undefined ? '' : ' without a comma';
    return `an integer${range} or a non-empty string${noComma}`;
  }
  const noun = kind === 'integer' ? 'an integer' : kind === 'boolean' ? 'true or false' : 'a string';
  return `${noun}${range}`;
}

/**
 * A value as text for an error message, whatever it is: JSON.stringify throws on a BigInt and
 * returns undefined for a symbol or a function, and a message must never be the thing that fails.
 */
export function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(rule: ParameterRule, value: string, where: string) {
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationError(
      rule.name,
      `${where}the text contains a lone surrogate (broken UTF-16)`,
      'pass well-formed Unicode text',
    );
  }
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    throw new ValidationError(
      rule.name,
      `${where}the text is empty`,
      'pass a non-empty value, or leave the parameter out',
    );
  }
}
/** A string as the spec's minLength and pattern allow it (ids inside a comma-joined list). */
const stringOk = (rule: ParameterRule, value: unknown): boolean =>
  typeof value === 'string' &&
  value.length >= (rule.minLength ?? 0) &&
  (rule.pattern === undefined || new RegExp(rule.pattern, 'u').test(value));

function checkScalar(
  rule: ParameterRule,
  kind: 'integer' | 'boolean' | 'string' | 'integerOrString',
  value: unknown,
  where: string,
) {
  const typeOk =
    kind === 'integer'
      ? Number.isSafeInteger(value)
      : kind === 'boolean'
        ? typeof value === 'boolean'
        : kind === 'integerOrString'
          ? Number.isSafeInteger(value) || stringOk(rule, value)
          : stringOk(rule, value);
  if (!typeOk || !acceptsValue(rule, value)) {
    throw new ValidationError(
      rule.name,
      `${where}${show(value)} is not allowed`,
      `use ${describeAllowed(rule)}`,
    );
  }
  if (typeof value === 'string') checkText(rule, value, where);
}

/** Type, enum and range checks from the generated table; returns the value as it goes on the wire. */
export function checkRule(rule: ParameterRule, value: unknown): WireValue {
  if (rule.type !== 'array') {
    checkScalar(rule, rule.type, value, '');
    return value as WireValue;
  }
  if (!Array.isArray(value)) {
    throw new ValidationError(
      rule.name,
      `expected a list, got ${show(value)}`,
      `pass an array of ${describeAllowed(rule)}`,
    );
  }
  if (value.length === 0) {
    throw new ValidationError(rule.name, 'the list is empty', 'leave the parameter out to mean "all"');
  }
  for (const [index, item] of value.entries())
    checkScalar(rule, rule.items ?? 'string', item, `item ${index}: `);
  if (rule.uniqueItems) {
    const seen = new Set<unknown>();
    for (const [index, item] of value.entries()) {
      if (seen.has(item)) {
        throw new ValidationError(
          rule.name,
          `item ${index} (${show(item)}) repeats an earlier item`,
          'list each value once',
        );
      }
      seen.add(item);
    }
  }
  return value as readonly (string | number)[];
}
