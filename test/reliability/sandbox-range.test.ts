import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { exportWindow, referenceExport } from './support/matrix-run.js';

let sandbox: Sandbox;
let file: Buffer;
let fileUrl: string;

beforeAll(async () => {
  sandbox = await startSandbox({ jobDurationMs: 0, rowsPerDay: 200 });
  file = await referenceExport(sandbox, exportWindow());
  const download = sandbox.requests.filter((r) => r.origin === 'storage').at(-1);
  fileUrl = `${sandbox.storageUrl}${download?.path}${download?.search}`;
});
afterAll(() => sandbox.close());

describe('sandbox storage answers Range requests as S3 does', () => {
  it('bytes=<first>-: 206 with the rest of the file and a matching Content-Range', async () => {
    const from = 1234;
    const response = await fetch(fileUrl, { headers: { range: `bytes=${from}-` } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${from}-${file.length - 1}/${file.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(file.subarray(from))).toBe(true);
  });

  it('bytes=<first>-<last> and a suffix range', async () => {
    const part = await fetch(fileUrl, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(10, 20))).toBe(true);
    const tail = await fetch(fileUrl, { headers: { range: 'bytes=-100' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.length - 100))).toBe(true);
  });

  it('a range past the end: 416 with the size', async () => {
    const response = await fetch(fileUrl, { headers: { range: `bytes=${file.length}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${file.length}`);
  });

  it('no Range: the whole file, advertising Accept-Ranges', async () => {
    const response = await fetch(fileUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).equals(file)).toBe(true);
  });
});
