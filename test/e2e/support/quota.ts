// What the sandbox saw of a scheduler at work: jobs in flight per its request log, and its own
// account of the jobs (the deprecated `/reports/jobs`).
import { expect } from 'vitest';
import { createCareAnalytics } from '../../../src/index.js';
import type { RecordedRequest, Sandbox } from '../../../src/sandbox/index.js';

const DAY = 86_400_000;
const day = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
export const oneDay = { startTime: day, endTime: day + DAY };
export const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };

export function client(sandbox: Sandbox, maxConcurrentJobs?: number) {
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
export function maxInFlight(log: readonly RecordedRequest[]): number {
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
export async function jobsAtService(sandbox: Sandbox): Promise<{ details: string; reason: string | null }[]> {
  const { username, password, companyKey } = sandbox.credentials;
  const response = await fetch(`${sandbox.url}/reports/jobs?companyKey=${companyKey}`, {
    headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
  });
  const body = (await response.json()) as {
    result: { result: { details: string; reason: string | null } }[];
  };
  return body.result.map((job) => job.result);
}

/** `count` concurrent runs through one client: all succeed, none refused, never above 7 in flight. */
export async function manyRuns(sandbox: Sandbox, count: number): Promise<number> {
  const ca = client(sandbox);
  const settled = await Promise.allSettled(
    Array.from({ length: count }, () => ca.reports.run('conversation', oneDay, fast)),
  );
  const failures = settled.filter((s) => s.status === 'rejected');
  expect(failures).toEqual([]);
  const runs = sandbox.requests.filter((r) => r.route === 'run');
  expect(runs).toHaveLength(count);
  expect(runs.every((r) => r.status === 200)).toBe(true);
  const jobs = await jobsAtService(sandbox);
  expect(jobs.filter((j) => j.details === 'FAILED')).toEqual([]);
  expect(jobs.filter((j) => j.details === 'COMPLETED')).toHaveLength(count);
  const inFlight = maxInFlight(sandbox.requests);
  expect(inFlight).toBe(7);
  return inFlight;
}
