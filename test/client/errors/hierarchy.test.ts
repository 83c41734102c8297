import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  CareAnalyticsError,
  ConnectionError,
  RateLimitError,
  ReportFailedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/index.js';

const init = { status: 500, method: 'GET', url: 'https://h.example/x?companyKey=k' };

describe('error hierarchy', () => {
  it.each([
    [new ApiError('m', init), [CareAnalyticsError, ApiError]],
    [new AuthenticationError('m', { ...init, status: 401 }), [CareAnalyticsError, ApiError]],
    [new RateLimitError('m', { ...init, status: 429 }), [CareAnalyticsError, ApiError]],
    [new ServerError('m', init), [CareAnalyticsError, ApiError]],
    [new ValidationError('p', 'problem', 'fix'), [CareAnalyticsError]],
    [new TimeoutError('m', 5), [CareAnalyticsError]],
    [new ConnectionError('m', 'https://h.example/'), [CareAnalyticsError]],
    [
      new ReportFailedError({
        state: 'failed',
        workflowId: 'w',
        runnerState: 'CLOSED',
        detail: 'FAILED',
        reason: 'r',
        currentCount: null,
        totalCount: null,
      }),
      [CareAnalyticsError],
    ],
  ] as const)('%s has its own name and the right ancestors', (error, ancestors) => {
    expect(error).toBeInstanceOf(Error);
    for (const ancestor of ancestors) expect(error).toBeInstanceOf(ancestor);
    expect(error.name).toBe(error.constructor.name);
    expect(JSON.parse(JSON.stringify(error)).name).toBe(error.constructor.name);
  });

  it('ApiError keeps the URL with its credentials masked', () => {
    expect(new ApiError('m', init).url).toBe('https://h.example/x?companyKey=***');
  });

  it('ValidationError names the parameter and the fix in its message', () => {
    const error = new ValidationError('startTime', 'it is required', 'pass startTime');
    expect(error.message).toBe('Invalid startTime: it is required. Fix: pass startTime');
    expect(error).toMatchObject({ parameter: 'startTime', fix: 'pass startTime' });
  });
});
