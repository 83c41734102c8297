import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJobRef } from '../../../src/cli/input/job-ref.js';
import { catchError } from '../support/catch-error.js';

const saved = {
  kind: 'khoros-care-analytics/report-job',
  version: 1,
  workflowId: '3f1c',
  runId: 'a+b/c=',
  reportType: 'conversation',
  format: 'csv',
  startedAt: '2026-11-28T00:00:00.000Z',
};

describe('parseJobRef', () => {
  it('reads the JSON start printed, inline or from a file', () => {
    expect(parseJobRef([JSON.stringify(saved)], '/')).toEqual(saved);
    const dir = mkdtempSync(join(tmpdir(), 'job-ref-'));
    writeFileSync(join(dir, 'job.json'), `${JSON.stringify(saved)}\n`);
    expect(parseJobRef(['job.json'], dir)).toEqual(saved);
  });

  it('takes bare ids', () => {
    expect(parseJobRef(['3f1c', 'a+b/c='], '/')).toEqual({ workflowId: '3f1c', runId: 'a+b/c=' });
  });

  it('explains every accepted form when the input is wrong', () => {
    for (const args of [
      ['missing-file.json'],
      [''],
      ['.'],
      ['{"workflowId":1}'],
      ['{not json'],
      ['a', 'b', 'c'],
      [],
    ]) {
      const error = catchError(() => parseJobRef(args, '/'));
      expect(error.message).toMatch(/^<job>: /);
      expect(error.message).toContain('<workflowId> <runId>');
    }
  });
});
