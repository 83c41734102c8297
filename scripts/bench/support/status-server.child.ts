// A bare node:http server on 127.0.0.1 answering every request with one job-status envelope, as
// the API does (JSON declared as text/plain). Prints `{"url":…}` once listening; stops when its
// stdin closes. In its own process, so its CPU is not counted against the client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  status: 'PASS',
  request: null,
  message: null,
  result: {
    jobInfo: { workflowId: '7d3c1a2e-0000-4000-8000-000000000001', runId: 'ab+cd/ef==', downloadUrl: '' },
    result: { runnerState: 'RUNNING', detail: '', reason: null, currentCount: 120, totalCount: 500 },
  },
});
const server = createServer((_req, res) => {
  res.writeHead(200, {
    'content-type': 'text/plain;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
);
process.stdin.resume().on('end', () => server.close(() => process.exit(0)));
