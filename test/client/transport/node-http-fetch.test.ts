// The client's default FetchLike over node:http (API calls and the storage leg): what fetch would
// do (status, headers, body, a request body sent, Range sent, redirects not followed, gzip
// decoded), plus what fetch cannot: a body that fails after its headers always errors, never ends
// as if complete.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../../src/internal/transport/node-http-fetch.js';
import { StorageOverrun } from '../../../src/internal/transport/storage-overrun.js';
import { type LocalServer, localServer } from '../support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();

describe('nodeHttpFetch', () => {
  it('returns status, headers and body; sends the request headers', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(206, { 'content-range': 'bytes 3-5/6', 'x-dup': ['a', 'b'] }).end('def');
    });
    const response = await nodeHttpFetch(
      new Request(`${server.url}/f?sig=1`, { headers: { range: 'bytes=3-' } }),
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 3-5/6');
    expect(response.headers.get('x-dup')).toBe('a, b');
    expect(await text(response)).toBe('def');
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/f?sig=1' });
    expect(server.requests[0]?.headers.range).toBe('bytes=3-');
  });

  it('sends a request body with its length and type (the form-encoded run calls)', async () => {
    const received: string[] = [];
    server = await localServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (part: Buffer) => parts.push(part));
      req.on('end', () => {
        received.push(Buffer.concat(parts).toString());
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"PASS"}');
      });
    });
    const form = new URLSearchParams({ teamIds: '1,2', name: 'é' });
    const response = await nodeHttpFetch(new Request(`${server.url}/run`, { method: 'POST', body: form }));
    expect(await response.json()).toEqual({ status: 'PASS' });
    expect(received).toEqual([form.toString()]);
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(server.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(form.toString())));
  });

  it('never follows a redirect', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const response = await nodeHttpFetch(new Request(`${server.url}/a`, { redirect: 'manual' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(server.requests).toHaveLength(1);
  });

  it('decodes gzip as fetch does, keeping the Content-Encoding header', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('hello,world\n'));
    });
    const response = await nodeHttpFetch(new Request(server.url));
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await text(response)).toBe('hello,world\n');
  });

  it('rejects at once for a signal aborted before the request, sending nothing', async () => {
    server = await localServer((_req, res) => {
      res.end('x');
    });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(nodeHttpFetch(new Request(server.url, { signal: controller.signal }))).rejects.toThrow(
      'stop',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rejects when aborted while waiting for the headers', async () => {
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server = await localServer(() => arrived()); // never answers
    const controller = new AbortController();
    const pending = nodeHttpFetch(new Request(server.url, { signal: controller.signal }));
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
    const response = await nodeHttpFetch(new Request(server.url, { signal: controller.signal }));
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
    const response = await nodeHttpFetch(new Request(server.url));
    const error = await response.arrayBuffer().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(StorageOverrun);
  });
});
