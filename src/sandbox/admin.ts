// The admin endpoint, for tests that drive a sandbox in another process (e.g. one started by
// `care-analytics sandbox`). Lives beside the API on its origin, outside /api/public, and is not
// recorded in the request log:
//   POST   /__sandbox/faults    body: one fault script or an array of them (as `sb.faults.add`)
//   GET    /__sandbox/faults    the faults still pending
//   DELETE /__sandbox/faults    clears them
//   GET    /__sandbox/requests  the request log, companyKey and analyticsAccessToken redacted
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkFault } from './faults.js';
import { redactedRequests } from './requests.js';
import type { SandboxState } from './state.js';

export const ADMIN_PREFIX = '/__sandbox/';

function reply(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function handleAdmin(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', state.apiOrigin);
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  if (pathname === '/__sandbox/requests' && req.method === 'GET')
    return reply(res, 200, redactedRequests(state.requests));
  if (pathname !== '/__sandbox/faults') return reply(res, 404, { error: `no admin endpoint ${pathname}` });
  if (req.method === 'GET') return reply(res, 200, state.faults.pending());
  if (req.method === 'DELETE') {
    state.faults.clear();
    return reply(res, 200, []);
  }
  if (req.method !== 'POST') return reply(res, 405, { error: 'use GET, POST or DELETE' });
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const scripts = (Array.isArray(parsed) ? parsed : [parsed]).map(checkFault);
    for (const script of scripts) state.faults.add(script);
    return reply(res, 201, state.faults.pending());
  } catch (error) {
    return reply(res, 400, { error: (error as Error).message });
  }
}
