import { describe, expectTypeOf, it } from 'vitest';
import type { ReportType } from '../../generated/report-parameters.js';
import type { components, operations, paths } from '../../generated/schema.js';

// The generated types must reject what the API rejects. Each `@ts-expect-error` fails the
// typecheck if the line after it becomes valid, so these assertions can fail.
type GenericPath = paths['/reports/report/{report_type}']['post']['parameters']['path'];
type AuthorQuery = operations['runAuthorReport']['parameters']['query'];
type IntervalQuery = operations['runTeamPerformanceIntervalReport']['parameters']['query'];
type UserForm = NonNullable<
  operations['runUserReport']['requestBody']
>['content']['application/x-www-form-urlencoded'];

describe('generated/schema.ts', () => {
  it('knows exactly the 13 report types', () => {
    expectTypeOf<GenericPath['report_type']>().toEqualTypeOf<ReportType>();
    const ok: GenericPath = { report_type: 'team_performance_interval' };
    expectTypeOf(ok).toEqualTypeOf<GenericPath>();
    // @ts-expect-error 'chat' is not a report type
    const unknownType: GenericPath = { report_type: 'chat' };
    expectTypeOf(unknownType).not.toBeNever();
  });

  it('requires startTime and endTime', () => {
    const ok: AuthorQuery = { startTime: 1711929600000, endTime: 1712534400000 };
    expectTypeOf(ok.startTime).toEqualTypeOf<number>();
    // @ts-expect-error startTime is required
    const missingStart: AuthorQuery = { endTime: 1712534400000 };
    expectTypeOf(missingStart).not.toBeNever();
    // @ts-expect-error times are epoch milliseconds, not date strings
    const isoString: AuthorQuery = { startTime: '2024-04-01T00:00:00Z', endTime: 1712534400000 };
    expectTypeOf(isoString).not.toBeNever();
  });

  it('accepts timeInterval only where the report type takes it', () => {
    const ok: IntervalQuery = { startTime: 0, endTime: 604800000, timeInterval: 86400000 };
    expectTypeOf(ok.timeInterval).toEqualTypeOf<IntervalQuery['timeInterval']>();
    // @ts-expect-error timeInterval is required on team_performance_interval
    const missingInterval: IntervalQuery = { startTime: 0, endTime: 604800000 };
    // @ts-expect-error author reports take no timeInterval
    const onAuthor: AuthorQuery = { startTime: 0, endTime: 604800000, timeInterval: 86400000 };
    expectTypeOf([missingInterval, onAuthor]).not.toBeNever();
  });

  it('types timeInterval as a fixed width or a monthly value', () => {
    type Fixed = components['schemas']['FixedTimeInterval'];
    expectTypeOf<Fixed>().toEqualTypeOf<
      | 300000
      | 600000
      | 900000
      | 1800000
      | 3600000
      | 7200000
      | 14400000
      | 28800000
      | 43200000
      | 86400000
      | 604800000
    >();
    // @ts-expect-error 1234 is not one of the fixed bucket widths
    const odd: Fixed = 1234;
    // "Above one week" has no TypeScript spelling: the raw schema type is a number (the typed
    // client narrows it again, test/client/public-api.test-d.ts), the schema itself rejects it.
    expectTypeOf<components['schemas']['MonthlyTimeInterval']>().toEqualTypeOf<number>();
    const monthly: IntervalQuery = { startTime: 0, endTime: 604800000, timeInterval: 2592000000 };
    expectTypeOf(monthly.timeInterval).toEqualTypeOf<components['schemas']['TimeInterval']>();
    expectTypeOf(odd).not.toBeNever();
  });

  it('limits reportFormat to json and csv', () => {
    expectTypeOf<NonNullable<AuthorQuery['reportFormat']>>().toEqualTypeOf<'json' | 'csv'>();
    const csv: AuthorQuery = { startTime: 0, endTime: 1, reportFormat: 'csv' };
    expectTypeOf(csv).toEqualTypeOf<AuthorQuery>();
    // @ts-expect-error xml is not a report format
    const xml: AuthorQuery = { startTime: 0, endTime: 1, reportFormat: 'xml' };
    expectTypeOf(xml).not.toBeNever();
  });

  it('types list parameters as arrays and flags as booleans', () => {
    expectTypeOf<NonNullable<IntervalQuery['priorities']>>().toEqualTypeOf<number[]>();
    expectTypeOf<NonNullable<IntervalQuery['reportMetrics']>>().toEqualTypeOf<string[]>();
    expectTypeOf<NonNullable<IntervalQuery['enableBusinessHour']>>().toEqualTypeOf<boolean>();
    // @ts-expect-error priorities is a list, not a comma-joined string
    const joined: IntervalQuery = { startTime: 0, endTime: 1, timeInterval: 300000, priorities: '0,1' };
    expectTypeOf(joined).not.toBeNever();
  });

  it('types the user report body and rejects conversation filters on it', () => {
    const ok: UserForm = { startTime: 0, endTime: 1, teamId: [7], agentId: [1042, 1077] };
    expectTypeOf(ok).toEqualTypeOf<UserForm>();
    // @ts-expect-error the user report takes no timezone
    const withTimezone: UserForm = { startTime: 0, endTime: 1, timezone: 'America/Chicago' };
    expectTypeOf(withTimezone).not.toBeNever();
  });

  it('types ids as integers or strings, and progress fields as nullable integers', () => {
    type ConversationQuery = operations['runConversationReport']['parameters']['query'];
    expectTypeOf<NonNullable<ConversationQuery['smartViewId']>>().toEqualTypeOf<number | string>();
    expectTypeOf<NonNullable<ConversationQuery['workqueueIds']>>().toEqualTypeOf<(number | string)[]>();
    expectTypeOf<NonNullable<UserForm['agentId']>>().toEqualTypeOf<(number | string)[]>();
    type Progress = components['schemas']['JobProgress'];
    expectTypeOf<Progress['currentCount']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Progress['lastAcknowledgeTime']>().toEqualTypeOf<number | null | undefined>();
    type Listed = components['schemas']['JobSummary']['result'];
    expectTypeOf<Listed['totalCount']>().toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error a boolean is no id
    const flag: ConversationQuery = { startTime: 0, endTime: 1, smartViewId: true };
    expectTypeOf(flag).not.toBeNever();
  });

  it('types the text/plain run answer as the parsed envelope, like the JSON one', () => {
    type Content = operations['runConversationReport']['responses'][200]['content'];
    expectTypeOf<Content['text/plain']>().toEqualTypeOf<components['schemas']['RunReportEnvelope']>();
    expectTypeOf<Content['application/json']>().toEqualTypeOf<Content['text/plain']>();
  });

  it('types envelopes: PASS status, and a job status as object or one-element array', () => {
    type StatusResult = components['schemas']['JobStatusEnvelope']['result'];
    type Job = components['schemas']['JobStatus'];
    expectTypeOf<StatusResult>().toEqualTypeOf<Job | Job[]>();
    expectTypeOf<components['schemas']['RunReportEnvelope']['status']>().toEqualTypeOf<'PASS'>();
    expectTypeOf<components['schemas']['RunReportResult']['runId']>().toEqualTypeOf<string>();
  });
});
