// Derives, per report type, the exact parameter rules of its typed POST path, in two modules:
// generated/report-rules.ts, what the client validates and serializes with (no prose, so the
// client bundle stays small), and generated/report-parameters.ts, the same rules with the first
// sentence of each description, for the `khoros-care-analytics/parameters` entry and the CLI.
import { GENERATED_NOTICE } from './header.mjs';
import { resolve } from './resolve.mjs';

const GENERIC_PATH = '/reports/report/{report_type}';
const FORM = 'application/x-www-form-urlencoded';

function reportTypesOf(spec) {
  const pathItem = spec.paths[GENERIC_PATH];
  if (!pathItem) throw new Error(`spec has no ${GENERIC_PATH} path`);
  const param = (pathItem.parameters ?? []).map((p) => resolve(spec, p)).find((p) => p.in === 'path');
  const values = resolve(spec, param?.schema ?? {}).enum;
  if (!Array.isArray(values) || values.length === 0)
    throw new Error(`${GENERIC_PATH}: report_type has no enum`);
  return values;
}

function firstSentence(text) {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  const match = /^.*?[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}

function serialization(schema, { style = 'form', explode = style === 'form' } = {}) {
  if (schema.type !== 'array') return 'scalar';
  if (style !== 'form') throw new Error(`unsupported array style ${style}`);
  return explode ? 'repeated' : 'commaJoined';
}

/**
 * The one `oneOf` shape the table can express: an integer enum, or any integer above a bound
 * (`timeInterval`: a fixed width, or anything above a week for monthly buckets).
 */
function enumOrAbove(spec, schema) {
  const branches = schema.oneOf.map((node) => resolve(spec, node));
  const listed = branches.find((b) => Array.isArray(b.enum));
  const above = branches.find((b) => b.exclusiveMinimum !== undefined);
  const sameType = branches.every((b) => b.type === branches[0]?.type);
  if (branches.length !== 2 || !listed || !above || !sameType || typeof above.exclusiveMinimum !== 'number')
    throw new Error('unsupported oneOf: only [enum, exclusiveMinimum] of one type is supported');
  return { ...schema, type: listed.type, enum: listed.enum, orAbove: above.exclusiveMinimum };
}

/** A scalar type of the table: one JSON type, or `integerOrString` for ids the vendor types loosely. */
function scalarType(name, type) {
  if (Array.isArray(type)) {
    if (type.length === 2 && type.includes('integer') && type.includes('string')) return 'integerOrString';
    throw new Error(`parameter ${name}: unsupported type ${JSON.stringify(type)}`);
  }
  return type;
}

function rule(spec, { name, location, required, schemaNode, description, encoding }) {
  const resolved = resolve(spec, schemaNode);
  const schema = resolved.oneOf ? enumOrAbove(spec, resolved) : resolved;
  const items = schema.type === 'array' ? resolve(spec, schema.items ?? {}) : undefined;
  const bounds = items ?? schema;
  const type = scalarType(name, schema.type);
  if (!['integer', 'boolean', 'string', 'integerOrString', 'array'].includes(type)) {
    throw new Error(`parameter ${name}: unsupported type ${JSON.stringify(schema.type)}`);
  }
  return {
    name,
    location,
    required,
    type,
    ...(items && { items: scalarType(name, items.type) }),
    ...(bounds.enum && { enum: bounds.enum }),
    ...(bounds.orAbove !== undefined && { orAbove: bounds.orAbove }),
    ...(bounds.minimum !== undefined && { minimum: bounds.minimum }),
    ...(bounds.maximum !== undefined && { maximum: bounds.maximum }),
    ...(bounds.minLength !== undefined && { minLength: bounds.minLength }),
    ...(bounds.pattern !== undefined && { pattern: bounds.pattern }),
    ...(schema.uniqueItems === true && { uniqueItems: true }),
    serialization: serialization(schema, encoding),
    description: firstSentence(description ?? schema.description),
  };
}

function operationOf(spec, type) {
  const path = `/reports/report/${type}`;
  const operation = spec.paths[path]?.post;
  if (!operation) throw new Error(`spec has no POST ${path}`);
  const parameters = (operation.parameters ?? [])
    .map((node) => resolve(spec, node))
    .map((p) =>
      rule(spec, {
        name: p.name,
        location: p.in,
        required: p.required === true,
        schemaNode: p.schema,
        description: p.description,
        encoding: { style: p.style, explode: p.explode },
      }),
    );
  const result = { path, method: 'post', parameters };
  if (operation.requestBody) {
    const media = resolve(spec, operation.requestBody).content?.[FORM];
    if (!media) throw new Error(`POST ${path}: request body is not ${FORM}`);
    const body = resolve(spec, media.schema);
    const required = new Set(body.required ?? []);
    for (const [name, schemaNode] of Object.entries(body.properties ?? {})) {
      parameters.push(
        rule(spec, {
          name,
          location: 'body',
          required: required.has(name),
          schemaNode,
          encoding: media.encoding?.[name],
        }),
      );
    }
    result.bodyContentType = FORM;
  }
  const wrong = parameters.find((p) => p.location !== 'query' && p.location !== 'body');
  if (wrong) throw new Error(`POST ${path}: parameter ${wrong.name} is in ${wrong.location}`);
  return result;
}

const quote = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const literal = (value) =>
  Array.isArray(value)
    ? `[${value.map(literal).join(', ')}]`
    : typeof value === 'string'
      ? quote(value)
      : String(value);
const objectLiteral = (object) =>
  `{ ${Object.entries(object)
    .map(([key, value]) => `${key}: ${literal(value)}`)
    .join(', ')} }`;

/** Both modules' text: `{ 'report-rules.ts': …, 'report-parameters.ts': … }`. */
export function reportParameterModules(spec) {
  const types = reportTypesOf(spec);
  const operations = types.map((type) => [type, operationOf(spec, type)]);
  const lean = operations.map(([type, op]) => [
    type,
    { ...op, parameters: op.parameters.map(({ description: _, ...rule }) => rule) },
  ]);
  return {
    'report-rules.ts': `// ${GENERATED_NOTICE}
/** The report types the API exports, in the spec's order; \`ReportType\` is one of them. */
export const reportTypes = [${types.map(quote).join(', ')}] as const;
/** One report type, e.g. \`'conversation'\`: the \`<type>\` of \`/reports/report/<type>\`. */
export type ReportType = (typeof reportTypes)[number];

export interface ParameterRule {
  /** Wire name, e.g. 'startTime', 'reportMetrics', 'teamId'. */
  readonly name: string;
  /** 'body' = a form field of the POST body endpoints. */
  readonly location: 'query' | 'body';
  readonly required: boolean;
  /** 'integerOrString': an id the vendor declares as a string; integers are accepted alike. */
  readonly type: 'integer' | 'boolean' | 'string' | 'integerOrString' | 'array';
  /** Item type of arrays. */
  readonly items?: 'integer' | 'string' | 'integerOrString';
  /** Allowed values of a scalar, or of each array item. */
  readonly enum?: readonly (string | number)[];
  /**
   * Besides \`enum\`, any integer strictly above this is allowed too (the spec's oneOf of an
   * enum and an exclusiveMinimum; for timeInterval, above a week means monthly buckets).
   */
  readonly orAbove?: number;
  /** Bounds of integer values. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Shortest string value (of a scalar, or of each array item). */
  readonly minLength?: number;
  /** What every string value must match (a RegExp source), e.g. no comma inside a comma-joined list. */
  readonly pattern?: string;
  /** A list whose items must all differ. */
  readonly uniqueItems?: true;
  /** From style/explode: 'commaJoined' = one %2C-joined value, 'repeated' = one key per item. */
  readonly serialization: 'scalar' | 'commaJoined' | 'repeated';
}

export interface ReportOperation {
  /** e.g. '/reports/report/conversation' */
  readonly path: string;
  readonly method: 'post';
  readonly bodyContentType?: 'application/x-www-form-urlencoded';
  /** Excludes companyKey, which is a security scheme. */
  readonly parameters: readonly ParameterRule[];
}

${table(lean, 'ParameterRule', 'ReportOperation')}
`,
    'report-parameters.ts': `// ${GENERATED_NOTICE}
import type { ParameterRule as Rule, ReportOperation as Operation, ReportType } from './report-rules.js';

export { type ReportType, reportTypes } from './report-rules.js';

export interface ParameterRule extends Rule {
  /** First sentence of the spec's description. */
  readonly description: string;
}

export interface ReportOperation extends Operation {
  readonly parameters: readonly ParameterRule[];
}

${table(operations, 'ParameterRule', 'ReportOperation')}
`,
  };
}

/**
 * \`reportOperations\`, each distinct rule written once and shared: most rules (startTime, endTime,
 * reportFormat, …) are the same on every report type.
 */
function table(operations, ruleType, operationType) {
  const shared = new Map(); // rule literal → its name
  const declarations = [];
  const byLocation = new Map(); // the rule without its location → the name of the first with it
  const ruleName = (p) => {
    const text = objectLiteral(p);
    if (shared.has(text)) return shared.get(text);
    const name = `p${shared.size}`;
    shared.set(text, name);
    const { location, ...rest } = p;
    const same = byLocation.get(objectLiteral(rest));
    // A body field that repeats a query parameter (the POST form endpoints) only says so.
    declarations.push(
      same
        ? `const ${name}: ${ruleType} = { ...${same}, location: ${quote(location)} };`
        : `const ${name}: ${ruleType} = ${text};`,
    );
    if (!same) byLocation.set(objectLiteral(rest), name);
    return name;
  };
  const entries = operations.map(([type, { path, method, bodyContentType, parameters }]) =>
    [
      `  ${type}: {`,
      `    path: ${quote(path)},`,
      `    method: ${quote(method)},`,
      ...(bodyContentType ? [`    bodyContentType: ${quote(bodyContentType)},`] : []),
      `    parameters: [${parameters.map(ruleName).join(', ')}],`,
      '  },',
    ].join('\n'),
  );
  return `${declarations.join('\n')}

export const reportOperations: { readonly [T in ReportType]: ${operationType} } = {
${entries.join('\n')}
};`;
}
