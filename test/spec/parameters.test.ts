import { describe, expect, it } from 'vitest';
import { reportOperations, reportTypes } from '../../generated/report-parameters.js';
import { operation, parametersOf, resolve } from './support/bundled-spec.js';
import { REPORT_TYPES } from './support/report-types.js';

// Brief §3, written out independently of the spec: name → [required, serialization].
type Serialization = 'scalar' | 'commaJoined' | 'repeated';
type Expected = Record<string, readonly [required: boolean, serialization: Serialization]>;

const SHARED: Expected = {
  startTime: [true, 'scalar'],
  endTime: [true, 'scalar'],
  reportFormat: [false, 'scalar'],
  locale: [false, 'scalar'],
  reportMetrics: [false, 'repeated'],
};
const NOT_USER: Expected = {
  timezone: [false, 'scalar'],
  timezoneOffset: [false, 'scalar'],
  priorities: [false, 'commaJoined'],
  workqueueIds: [false, 'commaJoined'],
  smartViewId: [false, 'scalar'],
  enableBusinessHour: [false, 'scalar'],
  businessHourType: [false, 'scalar'],
};
const COMMON = { ...SHARED, ...NOT_USER };
const includeDisabled: Expected = { includeDisabled: [false, 'scalar'] };
const teamIds: Expected = { teamIds: [false, 'commaJoined'] };

const EXPECTED: Record<string, Expected> = {
  author: COMMON,
  combined: COMMON,
  conversation: { ...COMMON, conversationReportType: [false, 'scalar'] },
  conversation_actions: COMMON,
  conversation_history_action: { ...COMMON, raiselimit: [false, 'scalar'] },
  incoming_post: COMMON,
  raw_agent_states: { ...COMMON, ...teamIds },
  raw_expert_help: COMMON,
  response: COMMON,
  response_approval: { ...COMMON, ...includeDisabled },
  team_performance: { ...COMMON, ...includeDisabled, ...teamIds },
  team_performance_interval: {
    ...COMMON,
    ...includeDisabled,
    ...teamIds,
    timeInterval: [true, 'scalar'],
  },
  user: { ...SHARED, ...includeDisabled, teamId: [false, 'repeated'], agentId: [false, 'repeated'] },
};
const FIXED_INTERVALS = [
  300000, 600000, 900000, 1800000, 3600000, 7200000, 14400000, 28800000, 43200000, 86400000, 604800000,
];
const WEEK = 604800000;
const BODY_TYPES = ['conversation_actions', 'conversation_history_action', 'user'];
const QUERY_ONLY = new Set(['raiselimit']);

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI nodes.
function serializationOf(schema: any, style?: string, explode?: boolean): Serialization {
  if (resolve(schema).type !== 'array') return 'scalar';
  if (style !== 'form' || explode === undefined) throw new Error('array without explicit style/explode');
  return explode ? 'repeated' : 'commaJoined';
}

/** What the spec says a report type's POST (or GET) accepts, as name → [location, required, serialization]. */
function wireParameters(method: string, type: string) {
  const apiPath = `/reports/report/${type}`;
  const result: Record<string, [string, boolean, Serialization]> = {};
  for (const p of parametersOf(method, apiPath)) {
    result[p.name] = [p.in, p.required === true, serializationOf(p.schema, p.style, p.explode)];
  }
  const body = resolve(operation(method, apiPath).requestBody);
  const media = body?.content?.['application/x-www-form-urlencoded'];
  if (media) {
    const schema = resolve(media.schema);
    for (const [name, property] of Object.entries(schema.properties)) {
      const encoding = media.encoding?.[name] ?? {};
      const required = schema.required.includes(name);
      result[name] = ['body', required, serializationOf(property, encoding.style, encoding.explode)];
    }
  }
  return result;
}

function expectedFor(type: string, bodyEndpoint: boolean) {
  return Object.fromEntries(
    Object.entries(EXPECTED[type] ?? {}).map(([name, [required, serialization]]) => [
      name,
      [bodyEndpoint && !QUERY_ONLY.has(name) ? 'body' : 'query', required, serialization],
    ]),
  );
}

describe('bundled spec: run parameters (docs/vendor-notes.md §3)', () => {
  it.each(Object.keys(EXPECTED))('POST /reports/report/%s takes exactly its parameters', (type) => {
    expect(wireParameters('post', type)).toEqual(expectedFor(type, BODY_TYPES.includes(type)));
  });

  it.each(['conversation_actions', 'user'])('GET /reports/report/%s takes them all in the query', (type) => {
    expect(wireParameters('get', type)).toEqual(expectedFor(type, false));
  });

  it.each(BODY_TYPES)('POST /reports/report/%s takes a required form body, companyKey aside', (type) => {
    const body = resolve(operation('post', `/reports/report/${type}`).requestBody);
    expect(body.required).toBe(true);
    expect(Object.keys(body.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(resolve(body.content['application/x-www-form-urlencoded'].schema).properties).not.toHaveProperty(
      'companyKey',
    );
  });

  it('lets the generic path take every run parameter, only the times required', () => {
    const params = parametersOf('post', '/reports/report/{report_type}').filter((p) => p.in === 'query');
    const union = Object.assign({}, ...Object.values(EXPECTED)) as Expected;
    expect(params.map((p) => p.name).sort()).toEqual(Object.keys(union).sort());
    expect(params.filter((p) => p.required).map((p) => p.name)).toEqual(['startTime', 'endTime']);
    for (const p of params) expect(serializationOf(p.schema, p.style, p.explode)).toBe(union[p.name]?.[1]);
  });

  it('never models companyKey as a parameter', () => {
    for (const type of Object.keys(EXPECTED))
      expect(wireParameters('post', type)).not.toHaveProperty('companyKey');
  });

  it('types times as epoch-ms integers, flags as booleans, and the enums precisely', () => {
    const schemas = Object.fromEntries(
      parametersOf('post', '/reports/report/{report_type}').map((p) => [p.name, resolve(p.schema)]),
    );
    for (const name of ['startTime', 'endTime'])
      expect(schemas[name]).toMatchObject({ type: 'integer', minimum: 0 });
    for (const name of ['enableBusinessHour', 'businessHourType', 'includeDisabled', 'raiselimit']) {
      expect(schemas[name].type).toBe('boolean');
    }
    expect(schemas.reportFormat).toMatchObject({ enum: ['json', 'csv'], default: 'json' });
    expect(schemas.conversationReportType).toMatchObject({
      enum: ['OPEN_AT_END', 'CLOSED', 'CREATED'],
      default: 'OPEN_AT_END',
    });
    // A fixed width, or anything above a week for calendar-month buckets (docs/vendor-notes.md §3).
    const [fixed, monthly, ...more] = schemas.timeInterval.oneOf.map(resolve);
    expect(more).toEqual([]);
    expect(fixed).toMatchObject({ type: 'integer', enum: FIXED_INTERVALS });
    expect(monthly).toMatchObject({ type: 'integer', exclusiveMinimum: WEEK });
    expect(schemas.timeInterval.description).toMatch(/above one week for monthly buckets/);
    expect(resolve(schemas.priorities.items)).toMatchObject({ type: 'integer', minimum: 0, maximum: 5 });
    // Locale is a free string with the documented values as suggestions, not an enum.
    expect(schemas.locale.enum).toBeUndefined();
    expect(schemas.locale.examples).toEqual(['en', 'es', 'fr', 'de', 'tr']);
    // Column names are free strings.
    expect(resolve(schemas.reportMetrics.items)).toEqual({ type: 'string', minLength: 1 });
  });
});

describe('generated/report-parameters.ts', () => {
  it('lists the 13 report types', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REPORT_TYPES].sort());
    expect(reportTypes).toEqual(REPORT_TYPES);
    expect(Object.keys(reportOperations).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s matches the spec', (type) => {
    const op = reportOperations[type as keyof typeof reportOperations];
    const bodyEndpoint = BODY_TYPES.includes(type);
    expect(op.path).toBe(`/reports/report/${type}`);
    expect(op.method).toBe('post');
    expect(op.bodyContentType).toBe(bodyEndpoint ? 'application/x-www-form-urlencoded' : undefined);
    const table = Object.fromEntries(
      op.parameters.map((p) => [p.name, [p.location, p.required, p.serialization]]),
    );
    expect(table).toEqual(expectedFor(type, bodyEndpoint));
    for (const p of op.parameters) expect(p.description).toMatch(/^[A-Z`].*[.)]$/);
  });

  it('carries types, enums and bounds', () => {
    const byName = Object.fromEntries(
      reportOperations.team_performance_interval.parameters.map((p) => [p.name, p]),
    );
    expect(byName.startTime).toMatchObject({ type: 'integer', minimum: 0 });
    expect(byName.priorities).toMatchObject({ type: 'array', items: 'integer', minimum: 0, maximum: 5 });
    expect(byName.reportMetrics).toMatchObject({ type: 'array', items: 'string' });
    expect(byName.reportFormat?.enum).toEqual(['json', 'csv']);
    expect(byName.timeInterval).toMatchObject({ type: 'integer', required: true });
    expect(byName.timeInterval?.enum).toEqual(FIXED_INTERVALS);
    expect(byName.timeInterval?.orAbove).toBe(WEEK);
    expect(byName.reportFormat?.orAbove).toBeUndefined();
    expect(byName.includeDisabled?.type).toBe('boolean');
  });
});
