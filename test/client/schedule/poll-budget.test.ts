// Status polls obey the client's request budget (`requestsPerMinute`): several jobs waited on at
// once, on a simulated clock, never make more API requests in any minute than the budget allows,
// and every wait still ends. The same waits without a budget would have made more, so the budget
// is what holds them back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CareAnalyticsOptions } from '../../../src/index.js';
import { observedClient, pass, type Recorded, window } from '../support/observed-fetch.js';

const JOB_LENGTH_MS = 90_000;

afterEach(() => {
  vi.useRealTimers();
});

/** Three jobs of 90 s started and waited on together; returns when each request was made. */
async function waitOnThreeJobs(options: Partial<CareAnalyticsOptions>) {
  // start() and wait() load their modules on first use: loaded before the clock is faked.
  await Promise.all([
    import('../../../src/internal/job/start-report.js'),
    import('../../../src/parameters/validate-report-params.js'),
    import('../../../src/internal/job/wait-for-job.js'),
  ]);
  vi.useFakeTimers();
  const startedAt = new Map<string, number>();
  const times: number[] = [];
  const { ca, requests } = observedClient((request: Recorded) => {
    times.push(Date.now());
    const path = request.url.pathname;
    if (!path.endsWith('/status')) {
      const workflowId = `w${startedAt.size + 1}`;
      startedAt.set(workflowId, Date.now());
      return pass({ workflowId, runId: 'r' });
    }
    const workflowId = /\/(w\d+)\//.exec(path)?.[1] ?? '';
    const done = Date.now() - (startedAt.get(workflowId) ?? Number.POSITIVE_INFINITY) >= JOB_LENGTH_MS;
    return pass({ result: { runnerState: done ? 'CLOSED' : 'RUNNING', detail: done ? 'COMPLETED' : '' } });
  }, options);
  const waits = Promise.all(
    [1, 2, 3].map(async () => {
      const job = await ca.reports.start('author', window);
      return job.wait();
    }),
  );
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  const finals = await waits;
  return { finals, times, requests };
}

/** The most requests made within any 60 s (a window starting at each request). */
function mostInAMinute(times: readonly number[]): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
}

describe('status polls and requestsPerMinute', () => {
  it('never exceed the budget while several jobs are waited on, and every wait ends', async () => {
    const { finals, times, requests } = await waitOnThreeJobs({ requestsPerMinute: 12 });
    expect(finals.map((s) => s.state)).toEqual(['completed', 'completed', 'completed']);
    expect(requests.filter((r) => r.url.pathname.endsWith('/status')).length).toBeGreaterThanOrEqual(3);
    expect(mostInAMinute(times)).toBeLessThanOrEqual(12);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5_000);
  });

  it('without a budget the same waits poll more often (the budget is what holds them back)', async () => {
    const { finals, times } = await waitOnThreeJobs({});
    expect(finals.map((s) => s.state)).toEqual(['completed', 'completed', 'completed']);
    expect(mostInAMinute(times)).toBeGreaterThan(12);
  });
});
