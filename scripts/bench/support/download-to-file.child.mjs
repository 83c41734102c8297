// Child of download.bench.ts and cli.bench.ts: `job.downloadToFile()` of the job in argv[3] (JSON
// state) from the API at argv[2] into argv[4], with the built package (plain node, no loader), and
// prints the time the download took and the process's peak RSS (VmHWM: Linux). The time starts
// before the client is made, as the CLI's own time does (its `done` event): making a client loads
// what its first request needs, a cost of the download, not of start-up.
import { readFileSync } from 'node:fs';
import { createCareAnalytics } from '../../../dist/src/index.js';

const [baseUrl, state, out] = process.argv.slice(2);
const began = performance.now();
const ca = createCareAnalytics({
  baseUrl,
  username: 'bench',
  password: 'bench-password',
  companyKey: 'bench-key',
});
const job = ca.reports.resume(state);
const saved = await job.downloadToFile(out);
const ms = performance.now() - began;
const hwmKb = Number(/VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
console.log(JSON.stringify({ ms, bytes: saved.bytes, rssMb: hwmKb / 1024 }));
