// The client's FetchLike for the API calls, over node:http: the GET contract every FetchLike of
// ours keeps (get-contract.ts), for a Request and for our own calls' PlainRequest (answered with a
// PlainResponse), and a request body sent with its length and type (the run calls).
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../../src/internal/transport/node-http-fetch.js';
import { PlainRequest } from '../../../src/internal/transport/plain-request.js';
import { PlainResponse } from '../../../src/internal/transport/plain-response.js';
import { describeGetContract } from '../support/get-contract.js';
import { type LocalServer, localServer } from '../support/local-server.js';

describeGetContract('nodeHttpFetch', nodeHttpFetch);
describeGetContract('nodeHttpFetch of a PlainRequest', async (request) => {
  const { url, method, headers, signal, redirect } = request;
  const plain = new PlainRequest(url, { method, headers, signal, redirect });
  const response = await nodeHttpFetch(plain as unknown as Request);
  expect(response).toBeInstanceOf(PlainResponse);
  return response;
});

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('nodeHttpFetch', () => {
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
});
