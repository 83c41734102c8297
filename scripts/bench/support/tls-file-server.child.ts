// An https file server on 127.0.0.1 in its own process, for the storage leg over TLS: it answers
// every GET with `argv[2]` bytes of csv-like text (one pre-built block written again and again)
// and a Content-Length, with the test-only self-signed certificate of test/client/support/tls/.
// Prints `{"url":…,"bytes":…}` once listening; stops when its stdin closes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const total = Number(process.argv[2]);
const tls = new URL('../../../test/client/support/tls/', import.meta.url);
const block = Buffer.alloc(
  4 * 1024 * 1024,
  'CONVERSATION_ID,STATUS,agent_email\n100001,CLOSED,a@example.com\n',
);

const server = createServer(
  {
    cert: readFileSync(new URL('localhost-cert.pem', tls)),
    key: readFileSync(new URL('localhost-key.pem', tls)),
  },
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': total });
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const part = block.subarray(0, Math.min(block.length, total - sent));
        sent += part.length;
        if (!res.write(part)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
);
server.listen(0, '127.0.0.1', () => {
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/storage/export.csv?X-Amz-Signature=bench`;
  console.log(JSON.stringify({ url, bytes: total }));
});
process.stdin.resume().on('end', () => server.close(() => process.exit(0)));
