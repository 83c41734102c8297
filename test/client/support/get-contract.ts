// What every FetchLike of ours promises for a GET, as fetch would do it (status, headers, body,
// Range sent, redirects not followed, gzip decoded, aborts before, during and after the headers),
// plus what fetch cannot: a body that fails after its headers always errors, never ends as if
// complete. Registered by the test file of each: node-http-fetch (API calls) and socket-fetch
// (the storage leg).
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageOverrun } from '../../../src/internal/transport/storage-overrun.js';
import type { FetchLike } from '../../../src/types/fetch-like.js';
import { type LocalServer, localServer } from './local-server.js';

const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();

export function describeGetContract(name: string, fetchLike: FetchLike): void {
  describe(`${name}: the GET contract`, () => {
    let server: LocalServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('returns status, headers and body; sends the request headers', async () => {
      server = await localServer((_req, res) => {
        res.writeHead(206, { 'content-range': 'bytes 3-5/6', 'x-dup': ['a', 'b'] }).end('def');
      });
      const response = await fetchLike(
        new Request(`${server.url}/f?sig=a%2Fb`, { headers: { range: 'bytes=3-' } }),
      );
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe('bytes 3-5/6');
      expect(response.headers.get('x-dup')).toBe('a, b');
      expect(await text(response)).toBe('def');
      expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/f?sig=a%2Fb' });
      expect(server.requests[0]?.headers.range).toBe('bytes=3-');
    });

    it('never follows a redirect', async () => {
      server = await localServer((_req, res) => {
        res.writeHead(302, { location: '/elsewhere' }).end();
      });
      const response = await fetchLike(new Request(`${server.url}/a`, { redirect: 'manual' }));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/elsewhere');
      expect(server.requests).toHaveLength(1);
    });

    it('decodes gzip as fetch does, keeping the Content-Encoding header', async () => {
      server = await localServer((_req, res) => {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('hello,world\n'));
      });
      const response = await fetchLike(new Request(server.url));
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(await text(response)).toBe('hello,world\n');
    });

    it('rejects at once for a signal aborted before the request, sending nothing', async () => {
      server = await localServer((_req, res) => {
        res.end('x');
      });
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await expect(fetchLike(new Request(server.url, { signal: controller.signal }))).rejects.toThrow('stop');
      expect(server.requests).toHaveLength(0);
    });

    it('rejects when aborted while waiting for the headers', async () => {
      let arrived!: () => void;
      const seen = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      server = await localServer(() => arrived()); // never answers
      const controller = new AbortController();
      const pending = fetchLike(new Request(server.url, { signal: controller.signal }));
      await seen;
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toThrow('stop');
    });

    it('errors the body when aborted mid-body', async () => {
      server = await localServer((_req, res) => {
        res.writeHead(200, { 'content-length': 100 });
        res.write('first part');
      });
      const controller = new AbortController();
      const response = await fetchLike(new Request(server.url, { signal: controller.signal }));
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect(Buffer.from((await reader.read()).value as Uint8Array).toString()).toBe('first part');
      controller.abort(new Error('stop'));
      await expect(reader.read()).rejects.toThrow('stop');
    });

    it('errors the body (not StorageOverrun) when the connection is reset mid-body', async () => {
      server = await localServer((_req, res) => {
        res.writeHead(200, { 'content-length': 100 });
        res.write('first part', () => res.destroy());
      });
      const response = await fetchLike(new Request(server.url));
      const error = await response.arrayBuffer().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StorageOverrun);
    });
  });
}
