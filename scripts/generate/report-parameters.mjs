// Derives generated/report-parameters.ts: per report type, the exact parameter rules of its
// typed POST path, so the client can validate and serialize without reading the spec at runtime.
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

export function reportParametersModule(spec) {
  const types = reportTypesOf(spec);
  const entries = types.map((type) => {
    const { path, method, bodyContentType, parameters } = operationOf(spec, type);
    const lines = [
      `  ${type}: {`,
      `    path: ${quote(path)},`,
      `    method: ${quote(method)},`,
      ...(bodyContentType ? [`    bodyContentType: ${quote(bodyContentType)},`] : []),
      '    parameters: [',
      ...parameters.map((p) => `      ${objectLiteral(p)},`),
      '    ],',
      '  },',
    ];
    return lines.join('\n');
  });
  return `// ${GENERATED_NOTICE}
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
  /** First sentence of the spec's description. */
  readonly description: string;
}

export interface ReportOperation {
  /** e.g. '/reports/report/conversation' */
  readonly path: string;
  readonly method: 'post';
  readonly bodyContentType?: 'application/x-www-form-urlencoded';
  /** Excludes companyKey, which is a security scheme. */
  readonly parameters: readonly ParameterRule[];
}

export const reportOperations: { readonly [T in ReportType]: ReportOperation } = {
${entries.join('\n')}
};
`;
}
