// A sandbox in a child process, configured by the JSON options in `argv[2]`, so its generating
// and serving never share a thread with the reader under test. Prints `{"url":…,"credentials":…}`
// once listening; stops when its stdin closes.
import { type SandboxOptions, startSandbox } from '../../../src/sandbox/index.js';

const sb = await startSandbox(JSON.parse(process.argv[2] ?? '{}') as SandboxOptions);
console.log(JSON.stringify({ url: sb.url, credentials: sb.credentials }));
process.stdin.resume().on('end', () => void sb.close().then(() => process.exit(0)));
