import { describe, expectTypeOf, it } from 'vitest';
import {
  type CareAnalytics,
  createCareAnalytics,
  type DownloadResult,
  type Hooks,
  type JobStatus,
  type RangeExportResult,
  type ReportJob,
  type ReportParams,
  type RequestOptions,
  type Row,
  type SavedFile,
  type SaveOptions,
  type SyncResult,
  type SyncState,
  type TimeInterval,
  type ValidationError,
  type ValidationWarning,
} from '../../src/index.js';
import { checkReportParams } from '../../src/parameters/index.js';

declare const ca: CareAnalytics;
const window = { startTime: new Date('2026-01-01T00:00:00Z'), endTime: '2026-01-08T00:00:00Z' };

describe('public API types', () => {
  it('createCareAnalytics needs credentials', () => {
    expectTypeOf(createCareAnalytics).parameter(0).toHaveProperty('companyKey');
    // @ts-expect-error password missing
    createCareAnalytics({ username: 'u', companyKey: 'k' });
  });

  it('accepts Date, epoch ms and ISO strings for times', () => {
    void ca.reports.start('author', window);
    void ca.reports.start('author', { startTime: 1_767_225_600_000, endTime: 1_767_830_400_000 });
    // @ts-expect-error endTime is required
    void ca.reports.start('author', { startTime: 1 });
  });

  it('each report type accepts only its own parameters', () => {
    // @ts-expect-error timeInterval belongs to team_performance_interval only
    void ca.reports.start('author', { ...window, timeInterval: 3_600_000 });
    // @ts-expect-error timeInterval is required for team_performance_interval
    void ca.reports.start('team_performance_interval', window);
    void ca.reports.start('team_performance_interval', {
      ...window,
      timeInterval: 3_600_000,
      teamIds: [1, 2],
    });
    // @ts-expect-error not one of the allowed bucket widths
    void ca.reports.start('team_performance_interval', { ...window, timeInterval: 120_000 });
    // Above a week means calendar-month buckets; the type offers the conventional 30 days.
    void ca.reports.start('team_performance_interval', { ...window, timeInterval: 2_592_000_000 });
    expectTypeOf<ReportParams<'team_performance_interval'>['timeInterval']>().toEqualTypeOf<TimeInterval>();
    expectTypeOf<2_592_000_000>().toExtend<TimeInterval>();
    expectTypeOf<604_800_000>().toExtend<TimeInterval>();
    expectTypeOf<604_799_999>().not.toExtend<TimeInterval>();
    void ca.reports.start('conversation', {
      ...window,
      conversationReportType: 'CLOSED',
      priorities: [0, 1] as const,
    });
    // @ts-expect-error conversationReportType is conversation-only
    void ca.reports.start('response', { ...window, conversationReportType: 'CLOSED' });
    void ca.reports.start('user', { ...window, teamId: [7], agentId: [1042], includeDisabled: true });
    // @ts-expect-error user takes repeated teamId, not teamIds
    void ca.reports.start('user', { ...window, teamIds: [7] });
    void ca.reports.start('conversation_history_action', { ...window, raiselimit: true });
  });

  it('companyKey is not a report parameter', () => {
    // @ts-expect-error companyKey is set once on the client
    void ca.reports.start('author', { ...window, companyKey: 'k' });
    expectTypeOf<keyof ReportParams<'author'>>().not.toEqualTypeOf<'companyKey'>();
  });

  it('rejects unknown report types', () => {
    // @ts-expect-error not a report type
    void ca.reports.start('authors', window);
  });

  it('job members and results', async () => {
    const job = await ca.reports.start('conversation', { ...window, reportFormat: 'csv' });
    expectTypeOf(job).toEqualTypeOf<ReportJob<'conversation'>>();
    expectTypeOf(job.reportType).toEqualTypeOf<'conversation'>();
    expectTypeOf(job.workflowId).toBeString();
    expectTypeOf(job.format).toEqualTypeOf<'json' | 'csv'>();
    expectTypeOf(job.status()).resolves.toEqualTypeOf<JobStatus>();
    expectTypeOf<JobStatus['state']>().toEqualTypeOf<'running' | 'completed' | 'failed'>();
    expectTypeOf(job.download()).resolves.toEqualTypeOf<DownloadResult>();
    expectTypeOf<DownloadResult['body']>().toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf<DownloadResult['release']>().parameters.toEqualTypeOf<[chunk: Uint8Array]>();
    for await (const row of job.rows()) {
      expectTypeOf(row).toEqualTypeOf<Row>();
      expectTypeOf(row).toEqualTypeOf<Record<string, string | null>>();
    }
    expectTypeOf(ca.reports.run('author', window)).resolves.toEqualTypeOf<ReportJob<'author'>>();
    expectTypeOf(ca.reports.resume(job.toJSON())).toEqualTypeOf<ReportJob>();
    expectTypeOf(job.downloadToFile('out.csv', { blockingWriteMs: 0 })).resolves.toEqualTypeOf<SavedFile>();
    expectTypeOf<SaveOptions>().toMatchTypeOf<RequestOptions>();
    // @ts-expect-error a number of milliseconds
    void job.downloadToFile('out.csv', { blockingWriteMs: '0' });
  });

  it('errors expose their fields', () => {
    expectTypeOf<ValidationError['parameter']>().toBeString();
    expectTypeOf<ValidationError['fix']>().toBeString();
  });

  it('every call takes per-call options; withOptions derives a client; resume takes bare ids', () => {
    const options: RequestOptions = { timeoutMs: 1_000, retry: { limit: 0 }, signal: AbortSignal.timeout(1) };
    void ca.teams.list(options);
    void ca.timezones.list({ ...options, locale: 'de' });
    void ca.reports.start('author', window, options);
    expectTypeOf(ca.withOptions({ timeoutMs: 5 })).toEqualTypeOf<CareAnalytics>();
    // @ts-expect-error the account cannot be changed by withOptions
    void ca.withOptions({ password: 'x' });
    expectTypeOf(
      ca.reports.resume({ workflowId: 'w', runId: 'r', reportType: 'user', format: 'json' }),
    ).toEqualTypeOf<ReportJob>();
    // @ts-expect-error unknown report type
    void ca.reports.resume({ workflowId: 'w', runId: 'r', reportType: 'users', format: 'json' });
    expectTypeOf<NonNullable<Hooks['onRetry']>>().parameter(0).toHaveProperty('delayMs');
    expectTypeOf(checkReportParams).returns.toEqualTypeOf<readonly ValidationWarning[]>();
  });

  it('ca.raw is the typed openapi-fetch client', async () => {
    const { data } = await ca.raw.GET('/teams');
    expectTypeOf(data).not.toBeAny();
    // @ts-expect-error unknown path
    void ca.raw.GET('/nope');
  });

  it('range exports and sync take and return plain, typed values', () => {
    const range = ca.reports.exportRange(
      'conversation',
      { startTime: '2025-01-01', endTime: new Date(), reportFormat: 'csv' },
      { out: 'x.csv', window: 'month' },
    );
    expectTypeOf(range).resolves.toEqualTypeOf<RangeExportResult>();
    // @ts-expect-error not a window unit
    void ca.reports.exportRange('conversation', window, { out: 'x', window: 'year' });
    // @ts-expect-error a parameter conversation does not take
    void ca.reports.exportRange('conversation', { ...window, teamIds: [1] }, { out: 'x' });
    const synced = ca.sync({ types: ['conversation', 'response'], out: 'dir', since: '2025-06-01' });
    expectTypeOf(synced).resolves.toEqualTypeOf<SyncResult>();
    expectTypeOf<SyncResult['state']>().toEqualTypeOf<SyncState>();
    void ca.reports.start('author', window, { queueTimeoutMs: 1000, onProgress: (p) => p.message });
  });
});
