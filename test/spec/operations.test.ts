import { describe, expect, it } from 'vitest';
import { operation, parametersOf, resolve, spec } from './support/bundled-spec.js';
import { REPORT_TYPES } from './support/report-types.js';

// Brief §2, written out independently of the spec.
const OPERATIONS: readonly [method: string, path: string, operationId: string][] = [
  ['post', '/reports/report/{report_type}', 'runReport'],
  ['get', '/reports/report/{report_type}', 'runReportViaGet'],
  ['post', '/reports/report/author', 'runAuthorReport'],
  ['post', '/reports/report/combined', 'runCombinedReport'],
  ['post', '/reports/report/conversation', 'runConversationReport'],
  ['post', '/reports/report/conversation_actions', 'runConversationActionsReport'],
  ['get', '/reports/report/conversation_actions', 'runConversationActionsReportViaGet'],
  ['post', '/reports/report/conversation_history_action', 'runConversationHistoryActionReport'],
  ['post', '/reports/report/incoming_post', 'runIncomingPostReport'],
  ['post', '/reports/report/raw_agent_states', 'runAgentStatesReport'],
  ['post', '/reports/report/raw_expert_help', 'runExpertHelpReport'],
  ['post', '/reports/report/response', 'runResponseReport'],
  ['post', '/reports/report/response_approval', 'runResponseApprovalReport'],
  ['post', '/reports/report/team_performance', 'runTeamPerformanceReport'],
  ['post', '/reports/report/team_performance_interval', 'runTeamPerformanceIntervalReport'],
  ['post', '/reports/report/user', 'runUserReport'],
  ['get', '/reports/report/user', 'runUserReportViaGet'],
  ['get', '/reports/report/{workflowId}/{runId}/status', 'getReportStatus'],
  ['get', '/reports/report/{workflowId}/{runId}/download', 'downloadReport'],
  ['get', '/config/timezones', 'listTimeZones'],
  ['get', '/teams', 'listTeams'],
  ['get', '/reports/jobs', 'listJobs'],
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('bundled spec: operations (docs/vendor-notes.md §2)', () => {
  it('is OpenAPI 3.1 with the generated-file notice', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec['x-generated']).toContain('npm run generate');
  });

  it('has exactly the operations of docs/vendor-notes.md §2', () => {
    const actual = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([apiPath, item]) =>
        Object.keys(item)
          .filter((key) => METHODS.includes(key))
          .map((method) => `${method} ${apiPath}`),
    );
    expect(actual.sort()).toEqual(OPERATIONS.map(([method, apiPath]) => `${method} ${apiPath}`).sort());
  });

  it.each(OPERATIONS)('%s %s is %s, tagged, summarised and described', (method, apiPath, operationId) => {
    const op = operation(method, apiPath);
    expect(op.operationId).toBe(operationId);
    expect(op.tags).toHaveLength(1);
    expect(op.summary).toMatch(/^[A-Z].{5,}[^.]$/);
    expect(op.description.length).toBeGreaterThan(20);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '429', '5XX']));
  });

  it('lists the 13 report types in the generic path enum', () => {
    for (const method of ['get', 'post']) {
      const reportType = parametersOf(method, '/reports/report/{report_type}').find((p) => p.in === 'path');
      expect(reportType).toMatchObject({ name: 'report_type', required: true });
      expect(resolve(reportType.schema).enum).toEqual(REPORT_TYPES);
    }
  });

  it('gives every report type its own POST path', () => {
    for (const type of REPORT_TYPES) expect(operation('post', `/reports/report/${type}`)).toBeDefined();
  });

  it('marks only the jobs list as deprecated', () => {
    expect(operation('get', '/reports/jobs').deprecated).toBe(true);
    const deprecated = OPERATIONS.filter(([m, p]) => operation(m, p).deprecated).map(([, p]) => p);
    expect(deprecated).toEqual(['/reports/jobs']);
  });

  it('declares Basic auth plus companyKey, and the access token on status and download', () => {
    expect(spec.components.securitySchemes).toEqual({
      basicAuth: expect.objectContaining({ type: 'http', scheme: 'basic' }),
      companyKey: expect.objectContaining({ type: 'apiKey', in: 'query', name: 'companyKey' }),
      analyticsAccessToken: expect.objectContaining({
        type: 'apiKey',
        in: 'query',
        name: 'analyticsAccessToken',
      }),
    });
    expect(spec.security).toEqual([{ basicAuth: [], companyKey: [] }]);
    for (const suffix of ['status', 'download']) {
      expect(operation('get', `/reports/report/{workflowId}/{runId}/${suffix}`).security).toEqual([
        { basicAuth: [], companyKey: [] },
        { basicAuth: [], analyticsAccessToken: [] },
      ]);
    }
    const runOps = OPERATIONS.filter(([, p]) => !/status|download/.test(p));
    for (const [method, apiPath] of runOps) expect(operation(method, apiPath).security).toBeUndefined();
  });

  it('declares the regional host as a server variable defaulting to production', () => {
    expect(spec.servers).toHaveLength(1);
    const [server] = spec.servers;
    const url = server.url.replace('{host}', server.variables.host.default);
    expect(url).toBe('https://analytics-api.app.lithium.com/api/public');
  });

  it('answers the download with a 307 carrying Location, and nothing else on success', () => {
    const responses = operation('get', '/reports/report/{workflowId}/{runId}/download').responses;
    expect(Object.keys(responses).filter((code) => /^[23]/.test(code))).toEqual(['307']);
    const redirect = resolve(responses['307']);
    expect(resolve(redirect.headers.Location)).toMatchObject({ required: true, schema: { format: 'uri' } });
    expect(redirect.content).toBeUndefined();
  });

  it('declares Retry-After on 429 and every body as application/json or form data', () => {
    const tooMany = resolve(spec.components.responses.TooManyRequests);
    expect(tooMany.headers['Retry-After']).toBeDefined();
    const mediaTypes = new Set<string>();
    for (const [method, apiPath] of OPERATIONS) {
      const op = operation(method, apiPath);
      for (const response of Object.values(op.responses)) {
        for (const type of Object.keys(resolve(response).content ?? {})) mediaTypes.add(type);
      }
      for (const type of Object.keys(resolve(op.requestBody)?.content ?? {})) mediaTypes.add(type);
    }
    expect([...mediaTypes].sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
    ]);
  });

  it('declares the text/plain answer of every run operation as the envelope in JSON text (docs/vendor-notes.md §7)', () => {
    const runOps = OPERATIONS.filter(([, p]) => /^\/reports\/report\/[^/{]+$|\{report_type\}$/.test(p));
    expect(runOps).toHaveLength(17);
    for (const [method, apiPath] of runOps) {
      const content = resolve(operation(method, apiPath).responses['200']).content;
      expect(Object.keys(content), `${method} ${apiPath}`).toEqual(['application/json', 'text/plain']);
      expect(content['text/plain'].schema).toMatchObject({
        type: 'string',
        contentMediaType: 'application/json',
        contentSchema: content['application/json'].schema,
      });
    }
    // Nothing else is text/plain: status, reference data and errors are declared JSON only.
    for (const [method, apiPath] of OPERATIONS.filter((op) => !runOps.includes(op))) {
      for (const response of Object.values(operation(method, apiPath).responses)) {
        expect(Object.keys(resolve(response).content ?? {})).not.toContain('text/plain');
      }
    }
  });

  it('has a contact, as spectral:oas asks', () => {
    expect(spec.info.contact).toMatchObject({
      name: expect.any(String),
      url: expect.stringMatching(/^https:/),
    });
  });
});

describe('bundled spec: envelopes (docs/vendor-notes.md §1, §4, §5)', () => {
  const schema = (name: string) => resolve(spec.components.schemas[name]);

  it('accepts the job status as an object or a one-element array', () => {
    const result = schema('JobStatusEnvelope').properties.result;
    expect(result.oneOf).toHaveLength(2);
    expect(result.oneOf[0].$ref).toBe('#/components/schemas/JobStatus');
    expect(result.oneOf[1]).toMatchObject({ type: 'array', minItems: 1, maxItems: 1 });
    expect(result.oneOf[1].items.$ref).toBe('#/components/schemas/JobStatus');
  });

  it('types the error envelope as status other than PASS with a string result', () => {
    const error = schema('ErrorEnvelope');
    expect(error.properties.status).toMatchObject({ type: 'string', not: { const: 'PASS' } });
    expect(error.properties.result.type).toBe('string');
  });

  it('pins success envelopes to status PASS', () => {
    for (const name of [
      'RunReportEnvelope',
      'JobStatusEnvelope',
      'TimeZoneListEnvelope',
      'TeamListEnvelope',
    ]) {
      expect(schema(name).properties.status.const).toBe('PASS');
    }
  });

  it('describes time zones, teams and jobs with the documented fields', () => {
    expect(schema('TimeZone').required).toEqual(['id', 'name', 'shortName', 'offsetString', 'offsetMillis']);
    expect(Object.keys(schema('Team').properties)).toEqual([
      'uuid',
      'teamId',
      'name',
      'description',
      'numberOfMembers',
    ]);
    expect(schema('Team').properties.teamId.type).toBe('integer');
    expect(Object.keys(schema('JobSummary').properties.result.properties)).toContain('details');
    expect(Object.keys(schema('RunReportResult').properties)).toEqual([
      'workflowId',
      'runId',
      'statusUrl',
      'downloadUrl',
    ]);
  });
});
