// The scheduler against the sandbox's real quota (2 running + 5 queued per API user): many
// concurrent runs through one client never exceed it, and a second client on the same user that
// crowds it out gets refused starts retried, never a failed export.
import { afterEach, describe, expect, it } from 'vitest';
import { createCareAnalytics } from '../../src/index.js';
import { type RecordedRequest, type Sandbox, startSandbox } from '../../src/sandbox/index.js';

const DAY = 86_400_000;
const day = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const params = { startTime: day, endTime: day + DAY };
const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

function client(sandbox: Sandbox, maxConcurrentJobs?: number) {
  return createCareAnalytics({
    baseUrl: sandbox.url,
    ...sandbox.credentials,
    ...(maxConcurrentJobs === undefined ? {} : { maxConcurrentJobs }),
    quotaRetry: { baseDelayMs: 10, maxDelayMs: 200 },
    onWarning: () => {},
  });
}

/**
 * Jobs in flight as the log shows them: at each run call, the runs so far minus the jobs whose
 * last status poll (the one that saw them closed) already came in. An upper bound of what the
 * service holds, since it closes a job before any client sees it.
 */
function maxInFlight(log: readonly RecordedRequest[]): number {
  const lastPoll = new Map<string, number>();
  log.forEach((entry, index) => {
    if (entry.route === 'status') lastPoll.set(entry.path, index);
  });
  const closedAt = [...lastPoll.values()].sort((a, b) => a - b);
  let runs = 0;
  let max = 0;
  log.forEach((entry, index) => {
    if (entry.route !== 'run') return;
    runs++;
    max = Math.max(max, runs - closedAt.filter((at) => at < index).length);
  });
  return max;
}

/** The sandbox's own account of the jobs of the last 24 h (the deprecated `/reports/jobs`). */
async function jobsAtService(sandbox: Sandbox): Promise<{ details: string; reason: string | null }[]> {
  const { username, password, companyKey } = sandbox.credentials;
  const response = await fetch(`${sandbox.url}/reports/jobs?companyKey=${companyKey}`, {
    headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
  });
  const body = (await response.json()) as {
    result: { result: { details: string; reason: string | null } }[];
  };
  return body.result.map((job) => job.result);
}

describe('scheduler against the sandbox quota', () => {
  it('200 concurrent runs through one client: all succeed, none refused, never above 7 in flight', async () => {
    sb = await startSandbox({ speed: 5, rowsPerDay: 10, requestLogLimit: Number.POSITIVE_INFINITY });
    const ca = client(sb);
    const settled = await Promise.allSettled(
      Array.from({ length: 200 }, () => ca.reports.run('conversation', params, fast)),
    );
    const failures = settled.filter((s) => s.status === 'rejected');
    expect(failures).toEqual([]);
    const log = sb.requests;
    expect(log.filter((r) => r.route === 'run')).toHaveLength(200);
    expect(log.filter((r) => r.route === 'run').every((r) => r.status === 200)).toBe(true);
    const jobs = await jobsAtService(sb);
    expect(jobs.filter((j) => j.details === 'FAILED')).toEqual([]);
    expect(jobs.filter((j) => j.details === 'COMPLETED')).toHaveLength(200);
    const inFlight = maxInFlight(log);
    expect(inFlight).toBeLessThanOrEqual(7);
    expect(inFlight).toBe(7);
    console.info(`200 runs: 200 succeeded, 0 refused, at most ${inFlight} jobs in flight`);
  }, 180_000);

  it('a second client on the same API user: refused starts are retried, no export fails', async () => {
    sb = await startSandbox({ speed: 2, rowsPerDay: 10, requestLogLimit: Number.POSITIVE_INFINITY });
    const sandbox = sb;
    const [first, second] = [client(sandbox), client(sandbox)];
    const firstRuns = Array.from({ length: 10 }, () => first.reports.run('conversation', params, fast));
    // The second process begins once the first holds its whole quota at the service.
    while (sandbox.requests.filter((r) => r.route === 'run' && r.status === 200).length < 7)
      await new Promise((resolve) => setImmediate(resolve));
    const secondRuns = Array.from({ length: 10 }, () => second.reports.run('conversation', params, fast));
    const settled = await Promise.allSettled([...firstRuns, ...secondRuns]);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const jobs = await jobsAtService(sandbox);
    const refused = jobs.filter((j) => j.details === 'FAILED');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((j) => j.reason === 'User is attempting to run too many exports.')).toBe(true);
    expect(jobs.filter((j) => j.details === 'COMPLETED')).toHaveLength(20);
    expect(sandbox.requests.filter((r) => r.route === 'run')).toHaveLength(20 + refused.length);
    console.info(`two clients: 20 succeeded, ${refused.length} refused starts retried`);
  }, 120_000);
});
