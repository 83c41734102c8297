// Every sandbox a test starts in this process checks each of its answers against the spec
// (answer-contract.ts); a test during which the sandbox answered off-spec fails in afterEach.
import { afterAll, afterEach, vi } from 'vitest';
import type { SandboxAnswer, SandboxOptions } from '../../src/sandbox/index.js';
import { checkAnswer, operationOf, prepareAnswerChecks } from './answer-contract.js';

/**
 * Scripted faults that break the contract on purpose: their answers are not checked. Everything
 * else, failures included (429, 5XX, a FAILED job, an expired URL), must match the spec.
 */
export const DELIBERATELY_OFF_SPEC = {
  malformedJson: 'a body that is not JSON at all',
  failEnvelope: 'a FAIL envelope, under HTTP 200 too, which the spec can only describe in words',
} as const;

const pending: Promise<void>[] = [];
const violations: string[] = [];

function check(answer: SandboxAnswer): void {
  if (answer.fault && answer.fault in DELIBERATELY_OFF_SPEC) return;
  pending.push(
    checkAnswer(answer).then(async (problems) => {
      // A 404 for a path the API does not have (tests ask for one on purpose) has no contract.
      if (answer.status === 404 && !(await operationOf(answer))) return;
      if (problems.length === 0) return;
      const query = answer.query.replace(/(companyKey|analyticsAccessToken)=[^&]*/g, '$1=…');
      violations.push(
        `${answer.method} ${answer.path}${query ? `?${query}` : ''} → ${answer.status}: ${problems.join('; ')}`,
      );
    }),
  );
}

vi.mock(import('../../src/sandbox/index.js'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    // The checks compile before the first sandbox of a file starts (only files that start one
    // pay for it), never while a test is timing a job.
    startSandbox: async (options: SandboxOptions = {}) => {
      await prepareAnswerChecks();
      return original.startSandbox({
        ...options,
        onResponse: (answer) => {
          check(answer);
          options.onResponse?.(answer);
        },
      });
    },
  };
});

async function failOnViolations(): Promise<void> {
  await Promise.all(pending.splice(0));
  const found = violations.splice(0);
  if (found.length > 0) {
    throw new Error(`The sandbox answered off-spec (generated/openapi.json):\n${found.join('\n')}`);
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
