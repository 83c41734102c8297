import { describe, expect, it } from 'vitest';
import { debugDetails, describeError } from '../../../src/cli/errors/describe-error.js';
import { exitCodeFor } from '../../../src/cli/errors/exit-codes.js';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  ReportFailedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/index.js';

const failedStatus = {
  state: 'failed',
  workflowId: 'wf-1',
  runnerState: 'CLOSED',
  detail: 'FAILED',
  reason: 'User is attempting to run too many exports.',
  currentCount: null,
  totalCount: null,
} as const;

describe('exitCodeFor', () => {
  it('maps each failure to the documented code', () => {
    const init = { status: 401, method: 'GET', url: 'https://x.test/api/public/teams' };
    expect(exitCodeFor(new UsageError('bad'))).toBe(2);
    expect(exitCodeFor(new ValidationError('startTime', 'too old', 'use a later date'))).toBe(2);
    expect(exitCodeFor(new AuthenticationError('no', init))).toBe(3);
    expect(exitCodeFor(new ReportFailedError(failedStatus))).toBe(4);
    expect(exitCodeFor(new TimeoutError('slow', 1000))).toBe(5);
    expect(exitCodeFor(new DOMException('stop', 'AbortError'))).toBe(130);
    expect(exitCodeFor(new ServerError('boom', { ...init, status: 503 }))).toBe(1);
    expect(exitCodeFor(new ConnectionError('refused', 'https://x.test/'))).toBe(1);
    expect(exitCodeFor(new Error('other'))).toBe(1);
  });
});

describe('describeError', () => {
  it('prints one line naming the flag behind a client validation error', () => {
    const line = describeError(
      new ValidationError('startTime', 'the range is over 3 months', 'split it'),
      [],
    );
    expect(line).toBe('Invalid startTime: the range is over 3 months. Fix: split it (--from)');
    const url = describeError(new ValidationError('baseUrl', 'plain http', 'use https'), []);
    expect(url).toBe('Invalid baseUrl: plain http. Fix: use https (KHOROS_ANALYTICS_URL)');
  });

  it('points authentication failures at the variables to check', () => {
    const error = new AuthenticationError('Unauthorized', {
      status: 401,
      method: 'GET',
      url: 'https://x.test/teams',
    });
    expect(describeError(error, [])).toContain(
      'check KHOROS_ANALYTICS_USER, KHOROS_ANALYTICS_PASSWORD and KHOROS_ANALYTICS_COMPANY_KEY',
    );
  });

  it('shows the reason of a failed report', () => {
    expect(describeError(new ReportFailedError(failedStatus), [])).toContain('too many exports');
  });

  it('masks secrets by value and by shape, even in foreign errors, and keeps one line', () => {
    const leaky = new Error(
      'GET https://h.test/x?companyKey=ck-abcdef&analyticsAccessToken=tok-999 failed\nAuthorization: Basic dXNlcjpwdw== pw-123456',
    );
    const line = describeError(leaky, ['pw-123456', 'ck-abcdef']);
    expect(line).not.toContain('ck-abcdef');
    expect(line).not.toContain('tok-999');
    expect(line).not.toContain('\n');
    const details = debugDetails(leaky, ['pw-123456', 'ck-abcdef']);
    for (const secret of ['ck-abcdef', 'tok-999', 'dXNlcjpwdw==', 'pw-123456'])
      expect(details).not.toContain(secret);
    expect(details).toContain('at ');
  });

  it('says what the network layer said for connection errors, and which variable to check', () => {
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const error = new ConnectionError(
      'GET http://127.0.0.1:9/api/public/teams failed: fetch failed',
      'http://127.0.0.1:9/api/public/teams',
      {
        cause: new TypeError('fetch failed', { cause: refused }),
      },
    );
    const line = describeError(error, []);
    expect(line).toContain('connect ECONNREFUSED 127.0.0.1:9');
    expect(line).toMatch(/check KHOROS_ANALYTICS_URL and your network$/);
    expect(line.match(/127\.0\.0\.1:9\/api/g)).toHaveLength(1);
  });

  it('describes API errors with status and masked URL', () => {
    const error = new ApiError('Too many buckets (745) requested', {
      status: 400,
      method: 'POST',
      url: 'https://h.test/api/public/reports/report/team_performance_interval?companyKey=ck-abcdef',
    });
    const line = describeError(error, []);
    expect(line).toContain('Too many buckets');
    expect(line).toContain('HTTP 400');
    expect(line).not.toContain('ck-abcdef');
  });
});
