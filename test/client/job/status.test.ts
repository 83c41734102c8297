import { describe, expect, it } from 'vitest';
import { normalizeStatus } from '../../../src/internal/job/job-status.js';

const context = { method: 'GET', url: 'https://h.example/x', status: 200, requestId: undefined, secrets: [] };
const wrap = (result: Record<string, unknown>) => ({ jobInfo: { workflowId: 'w', runId: 'r' }, result });

describe('normalizeStatus (docs/vendor-notes.md §4)', () => {
  it('reads the object form', () => {
    expect(
      normalizeStatus(
        wrap({ runnerState: 'RUNNING', detail: '', currentCount: 3, totalCount: '10' }),
        'w',
        context,
      ),
    ).toEqual({
      state: 'running',
      workflowId: 'w',
      runnerState: 'RUNNING',
      detail: '',
      reason: null,
      currentCount: 3,
      totalCount: 10,
    });
  });

  it('reads the one-element array form', () => {
    expect(normalizeStatus([wrap({ runnerState: 'CLOSED', detail: 'COMPLETED' })], 'w', context).state).toBe(
      'completed',
    );
  });

  it('treats CLOSED without COMPLETED as failed, carrying the reason', () => {
    const status = normalizeStatus(
      wrap({
        runnerState: 'CLOSED',
        detail: 'FAILED',
        reason: 'User is attempting to run too many exports.',
      }),
      'w',
      context,
    );
    expect(status).toMatchObject({ state: 'failed', reason: 'User is attempting to run too many exports.' });
    expect(normalizeStatus(wrap({ runnerState: 'CLOSED', detail: 'CANCELLED' }), 'w', context).state).toBe(
      'failed',
    );
  });

  it('keeps unknown runner states running', () => {
    expect(normalizeStatus(wrap({ runnerState: 'QUEUED_SOMEWHERE' }), 'w', context).state).toBe('running');
  });

  it('rejects a status without runnerState', () => {
    expect(() => normalizeStatus({ jobInfo: {} }, 'w', context)).toThrow(/no runnerState/);
  });
});
