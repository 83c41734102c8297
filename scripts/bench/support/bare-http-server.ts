// A bare node:http server on 127.0.0.1 that answers every request with `argv[2]` bytes, written as
// one pre-built 64 KiB buffer again and again: what loopback HTTP carries when producing the body
// costs nothing. Prints `{"url":…}` once listening; stops when its stdin closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const total = Number(process.argv[2]);
const block = Buffer.alloc(64 * 1024, 0x61);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-length': total });
  let left = total;
  const pump = () => {
    while (left > 0) {
      const piece = left >= block.length ? block : block.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })),
);
process.stdin.resume().on('end', () => server.close(() => process.exit(0)));
