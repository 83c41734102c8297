import { describe, expect, it } from 'vitest';
import { encodePairs } from '../../../src/internal/serialization/encode-pairs.js';
import { serializePath } from '../../../src/internal/serialization/path-segment.js';
import { BASE, credentials, observedClient, started, window } from '../support/observed-fetch.js';

describe('encodePairs', () => {
  it('joins explode:false lists into one %2C-encoded value', () => {
    expect(encodePairs([{ name: 'priorities', value: [0, 1, 2], serialization: 'commaJoined' }])).toBe(
      'priorities=0%2C1%2C2',
    );
  });

  it('repeats the key for explode:true lists', () => {
    expect(encodePairs([{ name: 'reportMetrics', value: ['a', 'b'], serialization: 'repeated' }])).toBe(
      'reportMetrics=a&reportMetrics=b',
    );
  });

  it('percent-encodes reserved characters and spaces in values', () => {
    expect(encodePairs([{ name: 'timezone', value: 'America/Chicago & co', serialization: 'scalar' }])).toBe(
      'timezone=America%2FChicago%20%26%20co',
    );
  });
});

describe('path segments', () => {
  it('encodes + / = of a runId', () => {
    expect(serializePath('/r/{workflowId}/{runId}/status', { workflowId: 'w-1', runId: 'ab+cd/ef==' })).toBe(
      '/r/w-1/ab%2Bcd%2Fef%3D%3D/status',
    );
  });
});

describe('run call on the wire', () => {
  it('POSTs every parameter in the query string, in spec order, companyKey last', async () => {
    const { ca, requests } = observedClient(() => started());
    await ca.reports.start('conversation', {
      ...window,
      reportFormat: 'csv',
      priorities: [0, 1, 2],
      reportMetrics: ['CONVERSATION_ID', 'STATUS'],
      enableBusinessHour: true,
      businessHourType: false,
      conversationReportType: 'CLOSED',
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.body).toBe('');
    expect(request?.href).toBe(
      `${BASE}/reports/report/conversation?startTime=${window.startTime}&endTime=${window.endTime}&reportFormat=csv` +
        '&reportMetrics=CONVERSATION_ID&reportMetrics=STATUS&priorities=0%2C1%2C2&enableBusinessHour=true' +
        `&businessHourType=false&conversationReportType=CLOSED&companyKey=${credentials.companyKey}`,
    );
  });

  it.each([
    ['conversation_actions', {}],
    ['user', { teamId: [7, 9], agentId: [1042] }],
  ] as const)('sends %s parameters as a form body, companyKey in the query', async (type, extra) => {
    const { ca, requests } = observedClient(() => started());
    await ca.reports.start(type, { ...window, reportMetrics: ['a', 'b'], ...extra });
    const [request] = requests;
    expect(request?.href).toBe(`${BASE}/reports/report/${type}?companyKey=${credentials.companyKey}`);
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const teams = 'teamId' in extra ? '&teamId=7&teamId=9&agentId=1042' : '';
    expect(request?.body).toBe(
      `startTime=${window.startTime}&endTime=${window.endTime}&reportMetrics=a&reportMetrics=b${teams}`,
    );
  });

  it('keeps raiselimit in the query of conversation_history_action', async () => {
    const { ca, requests } = observedClient(() => started());
    await ca.reports.start('conversation_history_action', { ...window, raiselimit: true, priorities: [5] });
    expect(requests[0]?.href).toBe(
      `${BASE}/reports/report/conversation_history_action?raiselimit=true&companyKey=${credentials.companyKey}`,
    );
    expect(requests[0]?.body).toBe(`startTime=${window.startTime}&endTime=${window.endTime}&priorities=5`);
  });

  it('encodes runId as one path segment for status and download', async () => {
    const { ca, requests } = observedClient((request) =>
      request.url.pathname.endsWith('/download')
        ? new Response(null, { status: 307, headers: { location: 'https://storage.example.test/f?sig=1' } })
        : request.url.hostname === 'storage.example.test'
          ? new Response('[]', { status: 200 })
          : new Response(JSON.stringify({ status: 'PASS', result: { result: { runnerState: 'RUNNING' } } })),
    );
    const job = ca.reports.resume({
      kind: 'khoros-care-analytics/report-job',
      version: 1,
      workflowId: 'w-1',
      runId: 'ab+cd/ef==',
      reportType: 'author',
      format: 'json',
      startedAt: new Date(0).toISOString(),
    });
    await job.status();
    await (await job.download()).body.cancel();
    expect(requests.map((r) => r.href)).toEqual([
      `${BASE}/reports/report/w-1/ab%2Bcd%2Fef%3D%3D/status?companyKey=${credentials.companyKey}`,
      `${BASE}/reports/report/w-1/ab%2Bcd%2Fef%3D%3D/download?companyKey=${credentials.companyKey}`,
      'https://storage.example.test/f?sig=1',
    ]);
  });

  it('sends the analyticsAccessToken of a returned statusUrl, re-based onto the configured origin', async () => {
    const { ca, requests } = observedClient((_request, index) =>
      index === 0
        ? started({ statusUrl: 'https://qa-host.example.invalid/x/status?analyticsAccessToken=tok%2Ben' })
        : new Response(JSON.stringify({ status: 'PASS', result: [{ result: { runnerState: 'RUNNING' } }] })),
    );
    const job = await ca.reports.start('author', window);
    await job.status();
    expect(requests[1]?.url.origin).toBe(new URL(BASE).origin);
    expect(requests[1]?.url.searchParams.get('analyticsAccessToken')).toBe('tok+en');
    expect(requests[1]?.href).toContain('analyticsAccessToken=tok%2Ben&companyKey=');
  });
});
