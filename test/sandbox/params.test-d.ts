import { describe, expectTypeOf, it } from 'vitest';
import type { ConversationReportType, ReportParams } from '../../src/sandbox/index.js';

describe('sandbox ReportParams, derived from the generated types', () => {
  it('has every wire parameter of every report type, times as epoch ms', () => {
    expectTypeOf<keyof ReportParams>().toEqualTypeOf<
      | 'startTime'
      | 'endTime'
      | 'reportFormat'
      | 'locale'
      | 'reportMetrics'
      | 'timezone'
      | 'timezoneOffset'
      | 'priorities'
      | 'workqueueIds'
      | 'smartViewId'
      | 'enableBusinessHour'
      | 'businessHourType'
      | 'conversationReportType'
      | 'includeDisabled'
      | 'teamIds'
      | 'teamId'
      | 'agentId'
      | 'timeInterval'
      | 'raiselimit'
    >();
    expectTypeOf<ReportParams['startTime']>().toEqualTypeOf<number>();
    expectTypeOf<ReportParams['timeInterval']>().toEqualTypeOf<number | undefined>();
  });

  it('takes enums from the spec', () => {
    expectTypeOf<ConversationReportType>().toEqualTypeOf<'OPEN_AT_END' | 'CLOSED' | 'CREATED'>();
    expectTypeOf<ReportParams['reportFormat']>().toEqualTypeOf<'json' | 'csv' | undefined>();
  });
});
