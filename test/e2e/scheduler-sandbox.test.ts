// The scheduler against the sandbox's real quota (2 running + 5 queued per API user): many
// concurrent runs through one client never exceed it, and a second client on the same user that
// crowds it out gets refused starts retried, never a failed export. (200 runs: the slow tier.)
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { client, fast, jobsAtService, manyRuns, oneDay } from './support/quota.js';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('scheduler against the sandbox quota', () => {
  it('40 concurrent runs through one client: all succeed, none refused, never above 7 in flight', async () => {
    sb = await startSandbox({ speed: 5, rowsPerDay: 10, requestLogLimit: Number.POSITIVE_INFINITY });
    await manyRuns(sb, 40);
  }, 120_000);

  it('a second client on the same API user: refused starts are retried, no export fails', async () => {
    sb = await startSandbox({ speed: 2, rowsPerDay: 10, requestLogLimit: Number.POSITIVE_INFINITY });
    const sandbox = sb;
    const [first, second] = [client(sandbox), client(sandbox)];
    const firstRuns = Array.from({ length: 10 }, () => first.reports.run('conversation', oneDay, fast));
    // The second process begins once the first holds its whole quota at the service.
    while (sandbox.requests.filter((r) => r.route === 'run' && r.status === 200).length < 7)
      await new Promise((resolve) => setImmediate(resolve));
    const secondRuns = Array.from({ length: 10 }, () => second.reports.run('conversation', oneDay, fast));
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
