import { execFileSync } from 'node:child_process';
import { createCareAnalytics } from '../../src/index.js';
import { startSandboxChild } from './support/loopback.js';

const DAY = 86_400_000;
const start = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const sandbox = await startSandboxChild({ rowsPerDay: 500_000, jobDurationMs: 0 });
const ca = createCareAnalytics({ baseUrl: sandbox.url, ...sandbox.credentials });
const job = await ca.reports.run(
  'conversation',
  { startTime: start, endTime: start + 2 * DAY, reportFormat: 'json' },
  { pollIntervalMs: 100 },
);
const env = {
  ...process.env,
  KHOROS_ANALYTICS_URL: sandbox.url,
  KHOROS_ANALYTICS_USER: sandbox.credentials.username,
  KHOROS_ANALYTICS_PASSWORD: sandbox.credentials.password,
  KHOROS_ANALYTICS_COMPANY_KEY: sandbox.credentials.companyKey,
};
await job.downloadToFile('/tmp/wt11-lib.json');
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  await job.downloadToFile('/tmp/wt11-lib.json');
  console.log('lib', performance.now() - t);
  t = performance.now();
  execFileSync(
    process.execPath,
    [
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/wt11-prof',
      'dist/src/cli/main.js',
      'download',
      JSON.stringify(job.toJSON()),
      '--format',
      'json',
      '--out',
      '/tmp/wt11-cli.json',
      '--quiet',
    ],
    { env },
  );
  console.log('cli', performance.now() - t);
}
await sandbox.stop();
