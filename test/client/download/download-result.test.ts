// job.download() gives the bytes once, as a web stream (body) or a Node stream (readable): the
// same checked bytes either way, and the second of the two refuses instead of splitting them.
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../../src/index.js';
import { exportServers } from '../support/export-servers.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const CSV = 'a,b\n1,2\n3,4\n';

/** Serves CSV; `cut`: announces more bytes than it sends, then drops the connection. */
async function serve(cut = false) {
  const servers = await exportServers((_req, res) => {
    res.writeHead(200, { 'content-length': CSV.length + (cut ? 50 : 0), 'content-type': 'text/csv' });
    if (!cut) return void res.end(CSV);
    res.write(CSV);
    setTimeout(() => res.destroy(), 5);
  });
  close = servers.close;
  return servers;
}

describe('DownloadResult', () => {
  it('readable is a Node stream of the export', async () => {
    const download = await (await serve()).job().download();
    expect(download.contentLength).toBe(CSV.length);
    expect(await text(download.readable)).toBe(CSV);
  });

  it('body is a web stream of the same bytes', async () => {
    const download = await (await serve()).job().download();
    expect(await new Response(download.body).text()).toBe(CSV);
  });

  it('refuses the second view once one is taken, naming both', async () => {
    const first = await (await serve()).job().download();
    void first.readable;
    expect(() => first.body).toThrow(TypeError);
    expect(() => first.body).toThrow(/already read through \.readable: use either body or readable/);
    await close?.();
    const second = await (await serve()).job().download();
    void second.body;
    expect(() => second.readable).toThrow(/already read through \.body/);
    await second.body.cancel();
  });

  it('copying the result (spread, rest) takes neither view', async () => {
    const download = await (await serve()).job().download();
    const { format, ...rest } = download;
    expect(format).toBe('csv');
    expect(rest).toEqual({ contentLength: CSV.length });
    expect({ ...download }).toEqual({ format: 'csv', contentLength: CSV.length });
    expect(await text(download.readable)).toBe(CSV);
  });

  it('readable fails, never ends short, when the body is cut', async () => {
    const download = await (await serve(true)).job().download({ retry: { limit: 0 } });
    await expect(text(download.readable)).rejects.toBeInstanceOf(ConnectionError);
  });
});
