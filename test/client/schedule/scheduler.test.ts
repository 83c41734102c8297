// The client's job scheduler against an injected fetch: slots in order, queued progress, abort
// and deadline while queued, quota refusals retried by run(), other failures not, and a 429 with
// Retry-After pausing every call of the client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type QueuedProgress,
  ReportFailedError,
  type RunProgress,
  TimeoutError,
  ValidationError,
} from '../../../src/index.js';
import { observedClient, pass, type Recorded, window } from '../support/observed-fetch.js';

const fast = { pollIntervalMs: 1, maxPollIntervalMs: 2 };
const QUOTA = 'User is attempting to run too many exports.';

/** A fake service: every run creates workflow `w<N>`; `closeAs` decides each status answer. */
function service(closeAs: (workflow: number, poll: number) => [string, string, string?] | 'running') {
  const polls = new Map<number, number>();
  let runs = 0;
  return (request: Recorded) => {
    const path = request.url.pathname;
    if (path.endsWith('/status')) {
      const workflow = Number(/\/w(\d+)\//.exec(path)?.[1]);
      const poll = (polls.get(workflow) ?? 0) + 1;
      polls.set(workflow, poll);
      const answer = closeAs(workflow, poll);
      const [runnerState, detail, reason] = answer === 'running' ? ['RUNNING', ''] : answer;
      return pass({ result: { runnerState, detail, reason: reason ?? null } });
    }
    if (path.includes('/teams')) return pass([]);
    runs++;
    return pass({ workflowId: `w${runs}`, runId: 'r' });
  };
}

const runCalls = (requests: readonly Recorded[]) =>
  requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname);

afterEach(() => {
  vi.useRealTimers();
});

describe('job slots', () => {
  it('holds starts beyond maxConcurrentJobs until a job is seen closed, in order', async () => {
    let open = true;
    const { ca, requests } = observedClient(
      service(() => (open ? 'running' : ['CLOSED', 'COMPLETED'])),
      { maxConcurrentJobs: 2 },
    );
    const order: string[] = [];
    const progress: QueuedProgress[] = [];
    const jobs = [1, 2, 3, 4].map((n) =>
      ca.reports.start('author', window, { onProgress: (p) => progress.push(p) }).then((job) => {
        order.push(`${n}:${job.workflowId}`);
        return job;
      }),
    );
    const [first, second] = await Promise.all(jobs.slice(0, 2));
    expect(runCalls(requests)).toHaveLength(2);
    expect(progress.map((p) => p.message)).toEqual(['queued behind 2 jobs', 'queued behind 3 jobs']);
    // A running job keeps its slot; a closed one frees it for the next start in line.
    expect((await first?.status())?.state).toBe('running');
    expect(runCalls(requests)).toHaveLength(2);
    open = false;
    await first?.status();
    await jobs[2];
    expect(progress.at(-1)?.message).toBe('queued behind 2 jobs');
    await second?.wait(fast);
    await jobs[3];
    expect(order).toEqual(['1:w1', '2:w2', '3:w3', '4:w4']);
  });

  it('frees the slot of a wait given up, and lets an aborted start leave the queue', async () => {
    const { ca, requests } = observedClient(
      service(() => 'running'),
      { maxConcurrentJobs: 1 },
    );
    const first = await ca.reports.start('author', window);
    const controller = new AbortController();
    const queued = ca.reports.start('author', window, { signal: controller.signal });
    const third = ca.reports.start('author', window);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await expect(first.wait({ ...fast, timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
    expect((await third).workflowId).toBe('w2');
    expect(runCalls(requests)).toHaveLength(2);
  });

  it('shares its slots with a client made by withOptions (same account, same quota)', async () => {
    const { ca, requests } = observedClient(
      service(() => 'running'),
      { maxConcurrentJobs: 1 },
    );
    const first = await ca.reports.start('author', window);
    const progress: QueuedProgress[] = [];
    const derived = ca.withOptions({ timeoutMs: 5_000 });
    const second = derived.reports.start('author', window, { onProgress: (p) => progress.push(p) });
    await expect(
      ca.withOptions({ maxConcurrentJobs: 2 }).reports.start('author', window),
    ).resolves.toMatchObject({ workflowId: 'w2' });
    expect(progress.map((p) => p.message)).toEqual(['queued behind 1 jobs']);
    await expect(first.wait({ ...fast, timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
    expect((await second).workflowId).toBe('w3');
    expect(runCalls(requests)).toHaveLength(3);
  });

  it('gives up waiting for a slot at queueTimeoutMs with a TimeoutError', async () => {
    const { ca } = observedClient(
      service(() => 'running'),
      { maxConcurrentJobs: 1 },
    );
    await ca.reports.start('author', window);
    await expect(ca.reports.start('author', window, { queueTimeoutMs: 10 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    await expect(ca.reports.run('author', window, { ...fast, timeoutMs: 10 })).rejects.toThrow(
      /did not finish within 10 ms/,
    );
  });

  it('refuses bad parameters before queueing, and bad scheduler options', async () => {
    const { ca, requests } = observedClient(
      service(() => 'running'),
      { maxConcurrentJobs: 1 },
    );
    await ca.reports.start('author', window);
    await expect(
      ca.reports.start('author', { ...window, endTime: window.startTime - 1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(1);
    for (const bad of [{ maxConcurrentJobs: 0 }, { requestsPerMinute: -1 }, { maxConcurrentJobs: 1.5 }]) {
      expect(() =>
        observedClient(
          service(() => 'running'),
          bad,
        ),
      ).toThrow(ValidationError);
    }
  });
});

describe('run() and the export quota', () => {
  const retrying = { quotaRetry: { baseDelayMs: 1, maxDelayMs: 4 } };

  it('starts a job refused as over quota again, and reports the queue, then polls', async () => {
    const { ca, requests } = observedClient(
      service((workflow) => (workflow < 3 ? ['CLOSED', 'FAILED', QUOTA] : ['CLOSED', 'COMPLETED'])),
      retrying,
    );
    const progress: RunProgress[] = [];
    const job = await ca.reports.run('author', window, { ...fast, onProgress: (p) => progress.push(p) });
    expect(job.workflowId).toBe('w3');
    expect(runCalls(requests)).toHaveLength(3);
    expect(progress.map((p) => p.state)).toEqual(['failed', 'failed', 'completed']);
  });

  it('surfaces the refusal as ReportFailedError only once the deadline is near', async () => {
    const { ca, requests } = observedClient(
      service(() => ['CLOSED', 'FAILED', QUOTA]),
      { quotaRetry: { baseDelayMs: 5, maxDelayMs: 5 } },
    );
    const error = await ca.reports.run('author', window, { ...fast, timeoutMs: 200 }).catch((e) => e);
    expect(error).toBeInstanceOf(ReportFailedError);
    expect(error.reason).toBe(QUOTA);
    expect(runCalls(requests).length).toBeGreaterThan(1);
  });

  it('never starts again a job that failed for any other reason', async () => {
    const { ca, requests } = observedClient(
      service(() => ['CLOSED', 'FAILED', 'Index unavailable']),
      retrying,
    );
    await expect(ca.reports.run('author', window, fast)).rejects.toMatchObject({
      name: 'ReportFailedError',
      reason: 'Index unavailable',
    });
    expect(runCalls(requests)).toHaveLength(1);
  });

  it('retries a start answered 429 beyond the transport retries, then succeeds', async () => {
    const inner = service(() => ['CLOSED', 'COMPLETED']);
    let refusals = 0;
    const { ca, requests } = observedClient(
      (request) =>
        request.method === 'POST' && refusals++ < 5
          ? new Response('{"status":"FAIL","message":"slow down"}', { status: 429 })
          : inner(request),
      { ...retrying, retry: { limit: 1, baseDelayMs: 1, backoffLimitMs: 2 } },
    );
    const job = await ca.reports.run('author', window, fast);
    expect(job.workflowId).toBe('w1');
    expect(runCalls(requests)).toHaveLength(6);
  });
});

describe('client-wide pause and budget', () => {
  it('pauses every call of the client for the Retry-After of a 429', async () => {
    vi.useFakeTimers();
    let first = true;
    const { ca, requests } = observedClient((request) => {
      if (first) {
        first = false;
        return new Response('{}', { status: 429, headers: { 'retry-after': '5' } });
      }
      return pass(request.url.pathname.includes('teams') ? [] : []);
    });
    const a = ca.teams.list();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    const b = ca.timezones.list();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    await Promise.all([a, b]);
    expect(requests.map((r) => r.url.pathname.split('/').pop())).toEqual(['teams', 'teams', 'timezones']);
  });

  it('spaces all calls to requestsPerMinute', async () => {
    vi.useFakeTimers();
    const { ca, requests } = observedClient(() => pass([]), { requestsPerMinute: 20 });
    const calls = [ca.teams.list(), ca.teams.list(), ca.timezones.list()];
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all(calls);
    expect(requests).toHaveLength(3);
  });
});
