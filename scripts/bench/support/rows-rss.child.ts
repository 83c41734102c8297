// Child of rows.bench.ts: reads the json export at argv[2] through rows() and prints the row
// count and the process's peak resident set size (Linux). The file is read 64 KiB per pull, with
// backpressure (Readable.toWeb of a file stream reads ahead without bound on Node 20).
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { jsonRows } from '../../../src/rows/json-rows.js';

const file = await open(process.argv[2] as string);
const body = new ReadableStream<Uint8Array>({
  async pull(controller) {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
    if (bytesRead === 0) {
      controller.close();
      await file.close();
    } else controller.enqueue(buffer.subarray(0, bytesRead));
  },
});
let rows = 0;
for await (const _ of jsonRows(body)) rows++;
// VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss over from the parent at fork.
const hwmKb = Number(/VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
console.log(JSON.stringify({ rows, maxRssMb: hwmKb / 1024 }));
