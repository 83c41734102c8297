// What node-http-fetch answers our own calls with: read as Response reads (text, json,
// arrayBuffer, body), from the Node source, with the web stream made only when `body` is asked for.
import { describe, expect, it } from 'vitest';
import { type BodySource, claimOnce } from '../../../src/internal/transport/body-source.js';
import { PlainResponse } from '../../../src/internal/transport/plain-response.js';

/** A Node-side body that sends `parts` (then fails with `failure`, if given) once started. */
function source(parts: readonly string[], failure?: Error): BodySource & { started: number } {
  const made = {
    started: 0,
    start(handlers: Parameters<BodySource['start']>[0]) {
      made.started++;
      queueMicrotask(() => {
        for (const part of parts) handlers.data(Buffer.from(part));
        if (failure) handlers.error(failure);
        else handlers.end();
      });
    },
    pause() {},
    resume() {},
    destroy() {},
  };
  return made;
}

const answer = (parts: readonly string[], status = 200, failure?: Error) => {
  const body = source(parts, failure);
  const headers = new Headers({ 'content-type': 'application/json' });
  return { body, response: new PlainResponse(status, 'OK', headers, claimOnce(body)) };
};

describe('PlainResponse', () => {
  it('reads the body as UTF-8 text, across chunks, without making a web stream', async () => {
    const { body, response } = answer(['{"a":"é', '","b":[1,2]}']);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('{"a":"é","b":[1,2]}');
    expect(response.bodyUsed).toBe(true);
    expect(body.started).toBe(1);
    expect(response.body).toBeNull();
  });

  it('drops a leading byte order mark, as Response#text() does, and parses json()', async () => {
    expect(await answer(['\uFEFF{"status":"PASS"}']).response.json()).toEqual({ status: 'PASS' });
    expect(await answer(['\uFEFF\uFEFFx']).response.text()).toBe('\uFEFFx');
  });

  it('gives the bytes as an ArrayBuffer of exactly the body', async () => {
    const bytes = new Uint8Array(await answer(['ab', 'c']).response.arrayBuffer());
    expect([...bytes]).toEqual([0x61, 0x62, 0x63]);
  });

  it('refuses a second read, as Response does', async () => {
    const { response } = answer(['x']);
    await response.text();
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('rejects a read when the body fails', async () => {
    const failure = new Error('reset');
    await expect(answer(['part'], 200, failure).response.text()).rejects.toBe(failure);
  });

  it('makes the web stream when body is asked for, and text() then reads through it', async () => {
    const { response } = answer(['a', 'b']);
    const stream = response.body;
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(response.body).toBe(stream);
    expect(await response.text()).toBe('ab');
  });

  it('streams the body through `body` alone', async () => {
    const { response } = answer(['one ', 'two']);
    const parts: string[] = [];
    for await (const part of response.body as ReadableStream<Uint8Array>)
      parts.push(Buffer.from(part).toString());
    expect(parts.join('')).toBe('one two');
  });

  it('has no body without a source (204, HEAD): text is empty, body null', async () => {
    const response = new PlainResponse(204, 'No Content', new Headers(), undefined);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('is ok for 2xx only, and refuses a status outside 200–599 as the Response constructor does', () => {
    const ok = (status: number) => new PlainResponse(status, '', new Headers(), undefined).ok;
    expect([ok(200), ok(299), ok(307), ok(404), ok(503)]).toEqual([true, true, false, false, false]);
    expect(() => new PlainResponse(199, '', new Headers(), undefined)).toThrow(RangeError);
    expect(() => new PlainResponse(600, '', new Headers(), undefined)).toThrow(RangeError);
  });
});
