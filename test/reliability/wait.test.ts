import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ReportFailedError,
  TimeoutError,
  type ValidationWarning,
} from '../../src/index.js';
import { MAX_FAILED_POLLS } from '../../src/internal/job/wait-for-job.js';
import { observedClient, status } from '../client/support/observed-fetch.js';

const JOB = {
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: '7d3c1a2e-0000-4000-8000-000000000001',
  runId: 'ab+cd/ef==',
  reportType: 'conversation',
  format: 'csv',
  startedAt: new Date(0).toISOString(),
} as const;
const fast = { pollIntervalMs: 1, maxPollIntervalMs: 2 };

const bad: Record<string, () => Response> = {
  'a malformed answer': () => new Response('<html>oops</html>', { status: 200 }),
  'a FAIL envelope': () => new Response(JSON.stringify({ status: 'FAIL', message: 'busy', result: null })),
  'a 500 (after the transport retries)': () => new Response('down', { status: 500 }),
  'a network failure': () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
  },
};

function client(answers: (() => Response)[], warnings: ValidationWarning[] = []) {
  return observedClient(
    (_request, index) => (answers[Math.min(index, answers.length - 1)] as () => Response)(),
    { retry: { limit: 0 }, onWarning: (w) => warnings.push(w) },
  );
}

describe('a wait survives a bad poll', () => {
  it.each(Object.keys(bad))('%s between RUNNING polls does not end the wait', async (name) => {
    const fault = bad[name] as () => Response;
    const { ca, requests } = client([() => status('RUNNING'), fault, () => status('CLOSED', 'COMPLETED')]);
    await expect(ca.reports.resume(JOB).wait(fast)).resolves.toMatchObject({ state: 'completed' });
    expect(requests).toHaveLength(3);
  });

  it.each(Object.keys(bad))(`${MAX_FAILED_POLLS} of %s in a row end it`, async (name) => {
    const fault = bad[name] as () => Response;
    const { ca, requests } = client([fault]);
    await expect(ca.reports.resume(JOB).wait(fast)).rejects.toThrow();
    expect(requests).toHaveLength(MAX_FAILED_POLLS);
  });

  it('a refusal that will not change (401) ends it at once', async () => {
    const { ca, requests } = client([() => new Response('no', { status: 401 })]);
    await expect(ca.reports.resume(JOB).wait(fast)).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests).toHaveLength(1);
  });

  it('a 404 (no such job) ends it at once', async () => {
    const { ca, requests } = client([() => new Response('unknown job', { status: 404 })]);
    await expect(ca.reports.resume(JOB).wait(fast)).rejects.toBeInstanceOf(ApiError);
    expect(requests).toHaveLength(1);
  });
});

describe('job states', () => {
  it('FAILED without CLOSED ends the wait as ReportFailedError', async () => {
    const { ca, requests } = client([
      () => status('RUNNING'),
      () => status('FAILED', '', { reason: 'boom' }),
    ]);
    const error = await ca.reports
      .resume(JOB)
      .wait(fast)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFailedError);
    expect((error as ReportFailedError).reason).toBe('boom');
    expect(requests).toHaveLength(2);
  });

  it('an unknown state counts as running and is reported once through onWarning', async () => {
    const warnings: ValidationWarning[] = [];
    const { ca } = client(
      [
        () => status('QUEUED'),
        () => status('QUEUED'),
        () => status('QUEUED'),
        () => status('CLOSED', 'COMPLETED'),
      ],
      warnings,
    );
    await expect(ca.reports.resume(JOB).wait(fast)).resolves.toMatchObject({ state: 'completed' });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'unknown-job-state', message: expect.stringContaining('QUEUED') }),
    ]);
  });

  it('a status stuck at RUNNING ends at the deadline with TimeoutError', async () => {
    const { ca } = client([() => status('RUNNING')]);
    await expect(ca.reports.resume(JOB).wait({ ...fast, timeoutMs: 50 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });
});
