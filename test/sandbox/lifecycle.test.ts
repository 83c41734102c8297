import { describe, expect, it } from 'vitest';
import {
  call,
  caller,
  DAY,
  envelopeOf,
  getStatus,
  JAN_1,
  startReport,
  statusOf,
  waitClosed,
} from './support/http.js';
import { sandboxPerTest } from './support/per-test.js';
import { sandboxClock } from './support/sandbox-clock.js';

const fresh = sandboxPerTest();
const clock = sandboxClock();

const day = { startTime: JAN_1, endTime: JAN_1 + DAY };

describe('job lifecycle', () => {
  it('runs RUNNING with growing currentCount, then CLOSED/COMPLETED with the download URL', async () => {
    clock.freeze();
    const sb = await fresh({ jobDurationMs: 600 });
    const c = caller(sb);
    const job = await startReport(c, 'conversation', day);
    expect(job.workflowId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(job.runId).toMatch(/[+/=]/);
    expect(job.statusUrl).toContain(encodeURIComponent(job.runId));
    expect(job.downloadUrl).toBe('');
    const run = await fetch(
      `${sb.url}/reports/report/author?startTime=${JAN_1}&endTime=${JAN_1 + DAY}&companyKey=${sb.credentials.companyKey}`,
      {
        method: 'POST',
        headers: { authorization: c.auth },
      },
    );
    // Like the vendor: JSON declared as text/plain on the run endpoints.
    expect(run.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect((await envelopeOf(run)).status).toBe('PASS');
    const first = await getStatus(c, job);
    expect(first.result).toMatchObject({ runnerState: 'RUNNING', detail: '', reason: null, totalCount: 500 });
    expect(first.jobInfo.downloadUrl).toBe('');
    // 150 ms steps of the sandbox's clock: a quarter of the job each.
    const counts: number[] = [first.result.currentCount];
    let last = first;
    while (last.result.runnerState === 'RUNNING') {
      clock.advance(150);
      last = await getStatus(c, job);
      counts.push(last.result.currentCount);
    }
    expect(counts).toEqual([0, 125, 250, 375, 500]);
    expect(last.result).toMatchObject({
      runnerState: 'CLOSED',
      detail: 'COMPLETED',
      currentCount: 500,
      totalCount: 500,
    });
    expect(last.jobInfo.downloadUrl).toContain('/download?analyticsAccessToken=');
  });

  it('alternates the status result between an object and a one-element array', async () => {
    const sb = await fresh({ jobDurationMs: 10_000 });
    const c = caller(sb);
    const job = await startReport(c, 'conversation', day);
    const path = new URL(job.statusUrl).pathname.slice('/api/public'.length);
    const shapes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(c, 'GET', path);
      shapes.push(Array.isArray(res.body.result) ? `array(${res.body.result.length})` : 'object');
      expect(statusOf(res.body).jobInfo.workflowId).toBe(job.workflowId);
    }
    expect(shapes).toEqual(['object', 'array(1)', 'object', 'array(1)']);
  });

  it.each(['object', 'array'] as const)('can fix the status shape to %s', async (shape) => {
    const sb = await fresh({ statusShape: shape });
    const c = caller(sb);
    const job = await startReport(c, 'conversation', day);
    for (let i = 0; i < 2; i++) {
      const body = await envelopeOf(await fetch(job.statusUrl, { headers: { authorization: c.auth } }));
      expect(Array.isArray(body.result)).toBe(shape === 'array');
    }
  });

  it('takes longer for longer ranges and more data, divided by speed', async () => {
    const durations: number[] = [];
    let sb = await fresh({
      jobDurationMs: (job) => {
        durations.push(job.totalCount, job.rangeMs);
        return 0;
      },
    });
    await startReport(caller(sb), 'conversation', { startTime: JAN_1, endTime: JAN_1 + 7 * DAY });
    expect(durations).toEqual([3500, 7 * DAY]);
    // Default timing: 1 s + 0.05 ms per row, divided by speed. After the same wait, an hour of data
    // is further along than a week of it; at speed 1000 the week is done.
    clock.freeze();
    sb = await fresh({ rowsPerDay: 200_000 });
    const c = caller(sb);
    const hour = await startReport(c, 'conversation', { startTime: JAN_1, endTime: JAN_1 + DAY / 24 });
    const week = await startReport(c, 'conversation', { startTime: JAN_1, endTime: JAN_1 + 7 * DAY });
    clock.advance(300);
    const fraction = async (job: typeof hour) => {
      const { result } = await getStatus(c, job);
      expect(result.runnerState).toBe('RUNNING');
      return result.currentCount / result.totalCount;
    };
    const [hourDone, weekDone] = [await fraction(hour), await fraction(week)];
    expect(hourDone).toBeGreaterThan(weekDone * 5);
    sb = await fresh({ rowsPerDay: 200_000, speed: 1000 });
    const fast = caller(sb);
    const fastWeek = await startReport(fast, 'conversation', { startTime: JAN_1, endTime: JAN_1 + 7 * DAY });
    clock.advance(1_000); // (1 s + 0.05 ms × 1.4 M rows) / 1000 = 71 ms
    expect((await waitClosed(fast, fastWeek)).result.detail).toBe('COMPLETED');
  });

  it('answers 400 to a download before completion and to an unknown job', async () => {
    const sb = await fresh({ jobDurationMs: 60_000 });
    const c = caller(sb);
    const job = await startReport(c, 'conversation', day);
    const early = await fetch(job.statusUrl.replace('/status?', '/download?'), {
      headers: { authorization: c.auth },
      redirect: 'manual',
    });
    expect(early.status).toBe(400);
    expect((await envelopeOf(early)).message).toMatch(/not ready/);
    const unknown = await call(c, 'GET', `/reports/report/${crypto.randomUUID()}/abc%3D/status`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.status).toBe('FAIL');
  });

  it('lists the jobs of the last 24 hours on the deprecated /reports/jobs', async () => {
    const sb = await fresh({ jobDurationMs: 0 });
    const c = caller(sb);
    const job = await startReport(c, 'author', day);
    await waitClosed(c, job);
    const res = await call(c, 'GET', '/reports/jobs');
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual([
      {
        jobInfo: {
          workflowId: job.workflowId,
          runId: job.runId,
          downloadUrl: expect.stringContaining('/download?'),
        },
        result: { runnerState: 'CLOSED', details: 'COMPLETED', reason: null },
      },
    ]);
  });
});
