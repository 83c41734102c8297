import { describe, expect, it } from 'vitest';
import { resolve, spec } from './support/bundled-spec.js';
import { schemaErrors } from './support/schema-validator.js';

// What the service really answers, as the project's API brief (docs/vendor-notes.md) quotes or
// describes it, must pass the spec. Each answer is written here by hand, not taken from the spec.
const WORKFLOW = 'fc2990ad-4798-3628-a794-8a2ee2ce0da1';
const RUN = 'Qm9vdHN0cmFwUnVuSWQ/ZXhhbXBsZQ==';
const jobInfo = {
  workflowId: WORKFLOW,
  runId: RUN,
  statusUrl: `https://analytics-api.app.lithium.com/api/public/reports/report/${WORKFLOW}/Qm9vdHN0cmFwUnVuSWQ%2FZXhhbXBsZQ%3D%3D/status?analyticsAccessToken=ANALYTICS_ACCESS_TOKEN_PLACEHOLDER`,
  downloadUrl: '',
};
const envelope = (result: unknown) => ({ status: 'PASS', request: null, message: null, result });
const progress = (runnerState: string, detail: string, reason: string | null) => ({
  runnerState,
  detail,
  reason,
  currentCount: null,
  totalCount: null,
  lastAcknowledgeTime: null,
});

/** [what, schema, answer]: every one is real JSON and must validate. */
const ANSWERS: readonly [string, string, unknown][] = [
  ['run accepted (§4.1)', 'RunReportEnvelope', envelope({ ...jobInfo })],
  [
    'run accepted, older companyKey URLs and empty downloadUrl (§4.1)',
    'RunReportEnvelope',
    envelope({
      workflowId: WORKFLOW,
      runId: RUN,
      statusUrl: jobInfo.statusUrl.replace(
        'analyticsAccessToken=ANALYTICS_ACCESS_TOKEN',
        'companyKey=COMPANY_KEY',
      ),
      downloadUrl: '',
    }),
  ],
  [
    'status ready, progress null (§7)',
    'JobStatusEnvelope',
    envelope({ jobInfo, result: progress('CLOSED', 'COMPLETED', null) }),
  ],
  [
    'status running, progress null (§7)',
    'JobStatusEnvelope',
    envelope({ jobInfo, result: progress('RUNNING', '', null) }),
  ],
  [
    'status failed, progress null (§7)',
    'JobStatusEnvelope',
    envelope({
      jobInfo,
      result: progress('CLOSED', 'FAILED', 'User is attempting to run too many exports.'),
    }),
  ],
  [
    'status wrapped in a one-element array (§4.2)',
    'JobStatusEnvelope',
    envelope([{ jobInfo, result: progress('CLOSED', 'COMPLETED', null) }]),
  ],
  [
    'time zone list (§5)',
    'TimeZoneListEnvelope',
    envelope([
      {
        id: 'Etc/GMT+12',
        name: 'GMT-12:00',
        shortName: 'GMT-12:00',
        offsetString: '-12:00',
        offsetMillis: -43200000,
      },
    ]),
  ],
  [
    'team list, description null (§5)',
    'TeamListEnvelope',
    envelope([
      {
        uuid: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
        teamId: 7,
        name: 'Tier 1',
        description: null,
        numberOfMembers: 12,
      },
    ]),
  ],
  [
    'jobs of the last 24 hours, details plural (§5)',
    'JobListEnvelope',
    envelope([
      {
        jobInfo: { workflowId: WORKFLOW, runId: RUN, downloadUrl: '' },
        result: {
          runnerState: 'RUNNING',
          reason: null,
          details: null,
          currentCount: null,
          totalCount: null,
          lastAcknowledgeTime: null,
        },
      },
    ]),
  ],
  [
    'too many buckets, the text in result (§1, §3)',
    'ErrorEnvelope',
    {
      status: 'FAIL',
      request: null,
      message: null,
      result:
        'Unable to hydrate filter for export info: com.lithium.socialweb.analytics.webapp.models.filter.HydrationException: Too many buckets (745) requested. Select a larger interval?',
    },
  ],
];

/**
 * What the brief quotes but that is not an answer one can validate: shapes with an ellipsis or
 * `<token>` where a value would be. Listed so that leaving one out is a decision, not an accident.
 */
const PLACEHOLDERS = [
  '{"status":"PASS","request":null,"message":null,"result":…} — the envelope, result elided (§1)',
  '{workflowId, runId, statusUrl?, downloadUrl?} — field list of the run result (§4.1)',
  '?analyticsAccessToken=<token> — a URL pattern (§4.1)',
  '{jobInfo:{…}, result:{runnerState, detail, reason, currentCount, totalCount, lastAcknowledgeTime}} — field list of a status (§4.2)',
  'HydrationException … Too many buckets (745) requested — a quote cut short; the whole text is above (§1)',
  '[{uuid, teamId (integer), name, description (nullable), numberOfMembers}] — field list of /teams (§5)',
];

describe('real answers against the spec', () => {
  it.each(ANSWERS)('%s validates as %s', (_what, schema, answer) => {
    expect(schemaErrors(`/components/schemas/${schema}`, answer)).toEqual([]);
  });

  it('lists the quoted shapes that are placeholders, not answers', () => {
    expect(PLACEHOLDERS).toHaveLength(6);
    for (const shape of PLACEHOLDERS) expect(shape).toMatch(/…|<token>|\?\}|, /);
  });

  it('rejects the sandbox bug of fractional milliseconds, and progress given as text', () => {
    const status = (result: Record<string, unknown>) =>
      envelope({ jobInfo, result: { ...progress('RUNNING', '', null), ...result } });
    expect(
      schemaErrors('/components/schemas/JobStatusEnvelope', status({ lastAcknowledgeTime: 1796130692963 })),
    ).toEqual([]);
    expect(
      schemaErrors(
        '/components/schemas/JobStatusEnvelope',
        status({ lastAcknowledgeTime: 1796130692963.25 }),
      ),
    ).not.toEqual([]);
    expect(schemaErrors('/components/schemas/JobStatusEnvelope', status({ currentCount: '3' }))).not.toEqual(
      [],
    );
    expect(schemaErrors('/components/schemas/JobStatusEnvelope', status({ totalCount: -1 }))).not.toEqual([]);
  });

  it('takes ids as integers or non-empty strings, and no comma inside a comma-joined list', () => {
    for (const value of [0, 3051, '3051', 'sv-3051'])
      expect(schemaErrors('/components/schemas/SmartViewId', value)).toEqual([]);
    for (const value of ['', -1, 1.5, true])
      expect(schemaErrors('/components/schemas/SmartViewId', value)).not.toEqual([]);
    for (const name of ['WorkqueueIds', 'TeamIds']) {
      expect(schemaErrors(`/components/schemas/${name}`, [12, 'wq-40'])).toEqual([]);
      expect(schemaErrors(`/components/schemas/${name}`, ['12,40'])).not.toEqual([]);
      expect(schemaErrors(`/components/schemas/${name}`, [''])).not.toEqual([]);
    }
    expect(schemaErrors('/components/schemas/AgentId', [1042, 'a-1077'])).toEqual([]);
    expect(schemaErrors('/components/schemas/AgentId', [''])).not.toEqual([]);
  });

  it('carries the same envelope in the text/plain example as in the JSON one', () => {
    const started = resolve(spec.components.responses.ReportStarted).content;
    const json = resolve(started['application/json'].examples.accepted).value;
    const text = resolve(started['text/plain'].examples.accepted).value;
    expect(typeof text).toBe('string');
    expect(JSON.parse(text)).toEqual(json);
    expect(schemaErrors('/components/responses/ReportStarted/content/text~1plain/schema', text)).toEqual([]);
    expect(
      schemaErrors(
        '/components/responses/ReportStarted/content/text~1plain/schema/contentSchema',
        JSON.parse(text),
      ),
    ).toEqual([]);
  });
});
