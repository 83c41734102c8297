import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/schema.js';
import type { CareAnalyticsRawClient } from '../../src/index.js';

// The run operations declare text/plain next to application/json; the raw client must still hand
// back the envelope, not `string | envelope`.
declare const raw: CareAnalyticsRawClient;

describe('ca.raw with the text/plain run answers', () => {
  it('types a run answer as the run envelope', async () => {
    const { data } = await raw.POST('/reports/report/conversation', {
      params: { query: { startTime: 0, endTime: 1, smartViewId: 'sv-1', workqueueIds: [12, 'wq-40'] } },
    });
    expectTypeOf(data).toEqualTypeOf<components['schemas']['RunReportEnvelope'] | undefined>();
    expectTypeOf(data?.result.runId).toEqualTypeOf<string | undefined>();
  });

  it('types a status answer with nullable progress', async () => {
    const { data } = await raw.GET('/reports/report/{workflowId}/{runId}/status', {
      params: { path: { workflowId: 'w', runId: 'r' } },
    });
    const result = data?.result;
    const job = Array.isArray(result) ? result[0] : result;
    expectTypeOf(job?.result.currentCount).toEqualTypeOf<number | null | undefined>();
  });
});
