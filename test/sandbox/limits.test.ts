import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_BUCKETS, TOO_MANY_EXPORTS } from '../../src/sandbox/index.js';
import {
  basic,
  call,
  caller,
  DAY,
  getStatus,
  JAN_1,
  type Started,
  startReport,
  statusOf,
  wire,
} from './support/http.js';
import { sandboxPerTest } from './support/per-test.js';
import { sandboxClock } from './support/sandbox-clock.js';

const fresh = sandboxPerTest();
const clock = sandboxClock();

const day = { startTime: JAN_1, endTime: JAN_1 + DAY };

describe('range limits', () => {
  it('rejects a range over 3 months and accepts exactly 3 months', async () => {
    const sb = await fresh();
    const c = caller(sb);
    const over = await call(c, 'POST', '/reports/report/conversation', {
      query: wire({ startTime: JAN_1, endTime: Date.UTC(2024, 3, 1) + 1 }),
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ status: 'FAIL', message: expect.stringMatching(/endTime.*3 months/) });
    const exact = await call(c, 'POST', '/reports/report/conversation', {
      query: wire({ startTime: JAN_1, endTime: Date.UTC(2024, 3, 1) }),
    });
    expect(exact.status).toBe(200);
  });

  it('rejects an end before the start, naming endTime', async () => {
    const sb = await fresh();
    const res = await call(caller(sb), 'POST', '/reports/report/author', {
      query: wire({ startTime: JAN_1, endTime: JAN_1 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/'endTime'/);
  });

  it('rejects businessHourType without enableBusinessHour=true', async () => {
    const sb = await fresh();
    const res = await call(caller(sb), 'POST', '/reports/report/conversation', {
      query: wire({ ...day, businessHourType: true }),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/'businessHourType'.*enableBusinessHour/);
  });
});

describe('team_performance_interval buckets', () => {
  it('allows 8 h, 12 h and 1 day over a week but not 4 h, in the vendor string-result form', async () => {
    const sb = await fresh();
    const c = caller(sb);
    const week = { startTime: JAN_1, endTime: JAN_1 + 7 * DAY };
    for (const timeInterval of [28_800_000, 43_200_000, 86_400_000]) {
      const ok = await call(c, 'POST', '/reports/report/team_performance_interval', {
        query: wire({ ...week, timeInterval }),
      });
      expect(ok.status).toBe(200);
    }
    const tooMany = await call(c, 'POST', '/reports/report/team_performance_interval', {
      query: wire({ ...week, timeInterval: 14_400_000 }),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      status: 'FAIL',
      request: null,
      message: null,
      result: expect.stringMatching(
        /^Unable to hydrate filter for export info: .*HydrationException: Too many buckets \(42\) requested\. Select a larger interval\?$/,
      ),
    });
  });

  it('allows 1 day and 1 week over a month but not 12 h', async () => {
    const sb = await fresh();
    const c = caller(sb);
    const month = { startTime: JAN_1, endTime: Date.UTC(2024, 1, 1) };
    for (const [timeInterval, status] of [
      [86_400_000, 200],
      [604_800_000, 200],
      [43_200_000, 400],
    ] as const) {
      const res = await call(c, 'POST', '/reports/report/team_performance_interval', {
        query: wire({ ...month, timeInterval }),
      });
      expect(res.status).toBe(status);
    }
    expect(MAX_BUCKETS).toBeGreaterThanOrEqual(31);
    expect(MAX_BUCKETS).toBeLessThan(42);
  });

  it('rejects an interval outside the vendor list, naming timeInterval', async () => {
    const sb = await fresh();
    const res = await call(caller(sb), 'POST', '/reports/report/team_performance_interval', {
      query: wire({ ...day, timeInterval: 1_000_000 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/'timeInterval'.*300000/);
  });
});

describe('export quotas', () => {
  it('per user: 2 running, 5 queued, the next closed FAILED with the vendor reason', async () => {
    const sb = await fresh({ jobDurationMs: 60_000 });
    const c = caller(sb);
    const jobs: Started[] = [];
    for (let i = 0; i < 8; i++) jobs.push(await startReport(c, 'conversation', day));
    const states = [];
    for (const job of jobs) {
      const { result } = await getStatus(c, job);
      states.push(
        result.runnerState === 'CLOSED' ? `${result.detail}: ${result.reason}` : result.runnerState,
      );
    }
    expect(states).toEqual([...Array(7).fill('RUNNING'), `FAILED: ${TOO_MANY_EXPORTS}`]);
    expect(TOO_MANY_EXPORTS).toBe('User is attempting to run too many exports.');
    expect(LIMITS).toEqual({ userRunning: 2, userQueued: 5, companyRunning: 4, companyQueued: 50 });
  });

  it('starts queued jobs as running ones finish', async () => {
    clock.freeze();
    const sb = await fresh({ jobDurationMs: 800 });
    const c = caller(sb);
    const jobs: Started[] = [];
    for (let i = 0; i < 4; i++) jobs.push(await startReport(c, 'conversation', day));
    const states = async () =>
      Promise.all(
        jobs.map(async (j) => {
          const { result } = await getStatus(c, j);
          return result.runnerState === 'CLOSED'
            ? result.detail
            : result.currentCount > 0
              ? 'moving'
              : 'waiting';
        }),
      );
    // Jobs 3 and 4 are queued behind the user's two running ones until those finish at 800 ms.
    clock.advance(400);
    expect(await states()).toEqual(['moving', 'moving', 'waiting', 'waiting']);
    clock.advance(400);
    expect(await states()).toEqual(['COMPLETED', 'COMPLETED', 'waiting', 'waiting']);
    clock.advance(400);
    expect(await states()).toEqual(['COMPLETED', 'COMPLETED', 'moving', 'moving']);
    clock.advance(400);
    expect(await states()).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
  });

  it('per company: 4 running and 50 queued across users', async () => {
    const extraUsers = Array.from({ length: 11 }, (_, i) => ({ username: `u${i}`, password: `p${i}` }));
    clock.freeze();
    const sb = await fresh({ jobDurationMs: 60_000, extraUsers });
    const callers = extraUsers.map((u) => ({ sb, auth: basic(u.username, u.password) }));
    const outcomes: string[] = [];
    // 11 users x 5 jobs = 55 jobs: 4 run, 50 queue, the 55th is over the company quota.
    for (let round = 0; round < 5; round++) {
      for (const c of callers) {
        const job = await startReport(c, 'conversation', day);
        const { result } = await getStatus(c, job);
        outcomes.push(result.runnerState === 'CLOSED' ? String(result.reason) : result.runnerState);
      }
    }
    expect(outcomes.slice(0, 54).every((o) => o === 'RUNNING')).toBe(true);
    expect(outcomes[54]).toBe(TOO_MANY_EXPORTS);
    // Exactly 4 of them make progress (run); the other 50 wait at currentCount 0 (queued).
    clock.advance(300);
    let progressing = 0;
    for (const c of callers) {
      for (const summary of (await call(c, 'GET', '/reports/jobs')).body.result) {
        const path = `/reports/report/${summary.jobInfo.workflowId}/${encodeURIComponent(summary.jobInfo.runId)}/status`;
        const status = statusOf((await call(c, 'GET', path)).body);
        if (status.result.currentCount > 0) progressing++;
      }
    }
    expect(progressing).toBe(4);
    const running = await Promise.all(
      callers.map(async (c) => (await call(c, 'GET', '/reports/jobs')).body.result.length as number),
    );
    expect(running.reduce((a, b) => a + b)).toBe(55);
  });
});
