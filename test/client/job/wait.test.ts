import { describe, expect, it, vi } from 'vitest';
import { ReportFailedError, TimeoutError, type WaitProgress } from '../../../src/index.js';
import { observedClient, started, status, window } from '../support/observed-fetch.js';

const fast = { pollIntervalMs: 1, maxPollIntervalMs: 2 };

describe('job.wait()', () => {
  it('polls just after the finish that the counts predict (simulated clock)', async () => {
    // wait() loads its polling module on first use; loaded here first, so that only the polls
    // run on the fake clock.
    await import('../../../src/internal/job/wait-for-job.js');
    vi.useFakeTimers();
    try {
      const begin = Date.now();
      // A 10 s job: currentCount grows linearly to totalCount 1000, then it closes.
      const { ca, requests } = observedClient((_r, i) => {
        if (i === 0) return started();
        const elapsed = Date.now() - begin;
        if (elapsed >= 10_000) return status('CLOSED', 'COMPLETED', { currentCount: 1000, totalCount: 1000 });
        return status('RUNNING', '', { currentCount: Math.floor(elapsed / 10), totalCount: 1000 });
      });
      const job = await ca.reports.start('author', window);
      const progress: WaitProgress[] = [];
      const waiting = job.wait({ onProgress: (p) => progress.push(p) });
      await vi.advanceTimersByTimeAsync(20_000);
      expect((await waiting).state).toBe('completed');
      // Ladder polls at 1.02 s and 2.04 s give the rate; the third lands just after 10 s.
      expect(progress.map((p) => [p.state, p.polls])).toEqual([
        ['running', 1],
        ['running', 2],
        ['completed', 3],
      ]);
      expect(progress.map((p) => p.elapsedMs)).toEqual([1_020, 2_040, 10_250]);
      expect(requests).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("times its polls from the job's start, not from when wait() began (simulated clock)", async () => {
    await import('../../../src/internal/job/wait-for-job.js');
    vi.useFakeTimers();
    try {
      // A 2 s job with null counts; wait() begins 700 ms after the run call was answered.
      const { ca, requests } = observedClient((_r, i) => {
        if (i === 0) return started();
        return Date.now() - begin >= 2_000 ? status('CLOSED', 'COMPLETED') : status('RUNNING');
      });
      const begin = Date.now();
      const job = await ca.reports.start('author', window);
      await vi.advanceTimersByTimeAsync(700);
      const progress: WaitProgress[] = [];
      const waiting = job.wait({ onProgress: (p) => progress.push(p) });
      await vi.advanceTimersByTimeAsync(5_000);
      expect((await waiting).state).toBe('completed');
      // The ladder's 1.02 s and 2.04 s after the start: 320 ms and 1 340 ms into the wait.
      expect(progress.map((p) => [p.state, p.elapsedMs])).toEqual([
        ['running', 320],
        ['completed', 1_340],
      ]);
      expect(requests).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('polls a job resumed 10 min after its start at once, then every 30 s', async () => {
    await import('../../../src/internal/job/wait-for-job.js');
    vi.useFakeTimers();
    try {
      const { ca } = observedClient((_r, i) => (i < 2 ? status('RUNNING') : status('CLOSED', 'COMPLETED')));
      const savedAt = new Date(Date.now() - 600_000).toISOString();
      const job = ca.reports.resume({
        kind: 'khoros-care-analytics/report-job',
        version: 1,
        workflowId: 'w-1',
        runId: 'ab+cd/ef==',
        reportType: 'user',
        format: 'json',
        startedAt: savedAt,
      });
      const progress: WaitProgress[] = [];
      const waiting = job.wait({ onProgress: (p) => progress.push(p) });
      await vi.advanceTimersByTimeAsync(70_000);
      expect((await waiting).state).toBe('completed');
      // Rungs past the ladder lie at 61.2 s + n × 30 s after the start: 601.2 s, 631.2 s.
      expect(progress.map((p) => p.elapsedMs)).toEqual([0, 1_200, 31_200]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('polls until COMPLETED and reports progress', async () => {
    const answers = [started(), status('RUNNING'), status('SOMETHING_NEW'), status('CLOSED', 'COMPLETED')];
    const { ca, requests } = observedClient((_r, i) => answers[i] ?? status('RUNNING'));
    const job = await ca.reports.start('author', window);
    const progress: WaitProgress[] = [];
    const final = await job.wait({ ...fast, onProgress: (p) => progress.push(p) });
    expect(final.state).toBe('completed');
    expect(progress.map((p) => [p.state, p.polls, p.currentCount, p.totalCount])).toEqual([
      ['running', 1, 1, 2],
      ['running', 2, 1, 2],
      ['completed', 3, 1, 2],
    ]);
    expect(progress.every((p) => p.elapsedMs >= 0)).toBe(true);
    expect(requests.slice(1).every((r) => r.url.pathname.endsWith('/status'))).toBe(true);
  });

  it('rejects with ReportFailedError carrying the reason', async () => {
    const { ca } = observedClient((_r, i) =>
      i === 0
        ? started()
        : status('CLOSED', 'FAILED', { reason: 'User is attempting to run too many exports.' }),
    );
    const job = await ca.reports.start('author', window);
    const error = await job.wait(fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFailedError);
    expect(error).toMatchObject({
      reason: 'User is attempting to run too many exports.',
      status: { state: 'failed' },
    });
  });

  it('gives up at its deadline with TimeoutError', async () => {
    const { ca } = observedClient((_r, i) => (i === 0 ? started() : status('RUNNING')));
    const job = await ca.reports.start('author', window);
    await expect(job.wait({ ...fast, timeoutMs: 30 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stops at once on abort, including during the sleep between polls', async () => {
    const { ca, requests } = observedClient((_r, i) => (i === 0 ? started() : status('RUNNING')));
    const job = await ca.reports.start('author', window);
    const controller = new AbortController();
    const waiting = job.wait({ signal: controller.signal, pollIntervalMs: 60_000 });
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  it('aborts an in-flight status call', async () => {
    const controller = new AbortController();
    const { ca, requests } = observedClient((_r, i) => {
      if (i === 0) return started();
      queueMicrotask(() => controller.abort());
      return new Promise<Response>(() => {});
    });
    const job = await ca.reports.start('author', window);
    await expect(job.wait({ ...fast, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests[1]?.signal.aborted).toBe(true);
  });

  it('run() = start + wait, returning the finished job', async () => {
    const { ca } = observedClient((_r, i) => (i === 0 ? started() : status('CLOSED', 'COMPLETED')));
    const job = await ca.reports.run('author', window, fast);
    expect(job.runId).toBe('ab+cd/ef==');
  });
});

describe('toJSON / resume', () => {
  it('round-trips through JSON without secrets and resumes in a fresh client', async () => {
    const first = observedClient(() =>
      started({ statusUrl: 'https://h.example/s?analyticsAccessToken=secret-token-123' }),
    );
    const job = await first.ca.reports.start('conversation', { ...window, reportFormat: 'csv' });
    const saved = JSON.stringify(job);
    expect(saved).not.toContain('secret-token-123');
    expect(JSON.parse(saved)).toMatchObject({
      workflowId: job.workflowId,
      runId: 'ab+cd/ef==',
      reportType: 'conversation',
      format: 'csv',
    });

    const second = observedClient(() => status('CLOSED', 'COMPLETED'));
    const resumed = second.ca.reports.resume(saved);
    expect(resumed.toJSON()).toEqual(job.toJSON());
    await expect(resumed.wait(fast)).resolves.toMatchObject({ state: 'completed' });
    expect(second.requests[0]?.url.pathname).toBe(
      '/api/public/reports/report/7d3c1a2e-0000-4000-8000-000000000001/ab%2Bcd%2Fef%3D%3D/status',
    );
  });

  it('resumes a job known only by its ids (started by another tool), in the saved-job format', async () => {
    const { ca } = observedClient(() => status('CLOSED', 'COMPLETED'));
    const ids = { workflowId: 'w-1', runId: 'ab+cd/ef==', reportType: 'user', format: 'json' } as const;
    const job = ca.reports.resume(ids);
    expect(job.toJSON()).toMatchObject({ kind: 'khoros-care-analytics/report-job', version: 1, ...ids });
    expect(Number.isNaN(Date.parse(job.toJSON().startedAt))).toBe(false);
    await expect(job.wait(fast)).resolves.toMatchObject({ state: 'completed' });
    expect(() => ca.reports.resume({ ...ids, reportType: 'users' } as never)).toThrow(
      /Invalid state.reportType/,
    );
  });

  it.each([
    ['not JSON', '{'],
    ['another object', { workflowId: 'w' }],
    [
      'a bad report type',
      {
        kind: 'khoros-care-analytics/report-job',
        version: 1,
        workflowId: 'w',
        runId: 'r',
        startedAt: 'x',
        reportType: 'x',
        format: 'json',
      },
    ],
  ])('rejects %s with ValidationError', (_label, state) => {
    const { ca } = observedClient(() => status('RUNNING'));
    expect(() => ca.reports.resume(state as never)).toThrow(/Invalid state/);
  });
});
