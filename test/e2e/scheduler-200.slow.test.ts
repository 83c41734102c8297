// 200 concurrent `reports.run` calls through one client at sandbox speed 5 (about 100 jobs' time
// back to back at 2 running): all succeed, none is refused, never more than 7 jobs in flight.
import { afterAll, describe, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { manyRuns } from './support/quota.js';

let sb: Sandbox | undefined;
afterAll(async () => {
  await sb?.close();
});

describe('scheduler against the sandbox quota, at scale', () => {
  it('200 concurrent runs through one client: 200 succeed, 0 refused, at most 7 in flight', async () => {
    sb = await startSandbox({ speed: 5, rowsPerDay: 10, requestLogLimit: Number.POSITIVE_INFINITY });
    const inFlight = await manyRuns(sb, 200);
    console.info(`200 runs: 200 succeeded, 0 refused, at most ${inFlight} jobs in flight`);
  }, 300_000);
});
