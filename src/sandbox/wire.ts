// Turns a run request's wire parameters (query string and, for the three body endpoints, the
// form body) into typed values, using the per-parameter rules generated from the spec.
import { type ParameterRule, type ReportType, reportOperations } from '../parameters/index.js';
import type { ReportParams } from './data/params.js';

/** Parses a form field or query value by its rule; a value that does not parse stays a string so
 * validation can name it. */
function typed(rule: ParameterRule | undefined, values: string[]): unknown {
  const scalar = (value: string, type: string | undefined): unknown => {
    if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
    // An id that reads as a whole number is that number (the roster's ids are numbers).
    if (type === 'integerOrString' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value)))
      return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
  if (!rule) return values.length > 1 ? values : values[0];
  if (rule.type !== 'array') return scalar(values[0] ?? '', rule.type);
  const items = rule.serialization === 'commaJoined' ? values.flatMap((v) => v.split(',')) : values;
  return items.map((v) => scalar(v, rule.items));
}

/** The fields of `source` as typed values, keyed by wire name. */
export function typedFields(type: ReportType, source: URLSearchParams): Record<string, unknown> {
  const rules = reportOperations[type].parameters;
  const fields: Record<string, unknown> = {};
  for (const name of new Set(source.keys())) {
    fields[name] = typed(
      rules.find((r) => r.name === name),
      source.getAll(name),
    );
  }
  return fields;
}

/**
 * A comma-joined parameter sent as repeated keys (`priorities=0&priorities=1`) is not what the
 * spec says (style form, explode false); openapi-backend would accept it, so this check names it.
 */
export function misjoinedParameter(type: ReportType, ...sources: URLSearchParams[]): string | undefined {
  for (const rule of reportOperations[type].parameters) {
    if (rule.serialization !== 'commaJoined') continue;
    if (sources.some((source) => source.getAll(rule.name).length > 1)) return rule.name;
  }
  return undefined;
}

/** Typed report parameters from the query string and (for the body endpoints) the form body. */
export function reportParams(
  type: ReportType,
  query: URLSearchParams,
  body: URLSearchParams | undefined,
): ReportParams {
  return { ...typedFields(type, query), ...(body ? typedFields(type, body) : {}) } as unknown as ReportParams;
}
