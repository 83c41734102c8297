// A tiny hand-rolled client for driving the sandbox in tests (deliberately not the package's
// client, so these tests check the sandbox on its own).
import type { Sandbox } from '../../../src/sandbox/index.js';

export const DAY = 86_400_000;
export const JAN_1 = Date.UTC(2024, 0, 1);

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export interface Caller {
  readonly sb: Sandbox;
  readonly auth: string;
}

export function caller(
  sb: Sandbox,
  username = sb.credentials.username,
  password = sb.credentials.password,
): Caller {
  return { sb, auth: basic(username, password) };
}

/** Query string in the spec's wire format: arrays of comma-joined params joined with %2C, others repeated. */
export function wire(params: Record<string, unknown>, companyKey?: string): string {
  const comma = new Set(['priorities', 'workqueueIds', 'teamIds']);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (comma.has(key)) parts.push(`${key}=${encodeURIComponent(value.join(','))}`);
      else for (const item of value) parts.push(`${key}=${encodeURIComponent(String(item))}`);
    } else parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  if (companyKey !== undefined) parts.push(`companyKey=${encodeURIComponent(companyKey)}`);
  return parts.join('&');
}

export interface Envelope {
  status: string;
  request?: null;
  message: string | null;
  // Tests inspect many result shapes; each test asserts the one it expects.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  result: any;
}

export interface JobStatusValue {
  jobInfo: { workflowId: string; runId: string; statusUrl?: string; downloadUrl?: string };
  result: {
    runnerState: string;
    detail: string;
    reason: string | null;
    currentCount: number;
    totalCount: number;
    lastAcknowledgeTime: number;
  };
}

export async function call(
  c: Caller,
  method: string,
  path: string,
  init: { query?: string; body?: string; auth?: string | null; companyKey?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: Envelope }> {
  const key = init.companyKey === undefined ? c.sb.credentials.companyKey : init.companyKey;
  const query = [init.query, key === null ? undefined : `companyKey=${encodeURIComponent(key)}`]
    .filter(Boolean)
    .join('&');
  const headers: Record<string, string> = {};
  const auth = init.auth === undefined ? c.auth : init.auth;
  if (auth) headers.authorization = auth;
  if (init.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(`${c.sb.url}${path}${query ? `?${query}` : ''}`, {
    method,
    headers,
    body: init.body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Envelope };
}

export interface Started {
  workflowId: string;
  runId: string;
  statusUrl: string;
  downloadUrl: string;
}

export async function startReport(
  c: Caller,
  type: string,
  params: Record<string, unknown>,
): Promise<Started> {
  const res = await call(c, 'POST', `/reports/report/${type}`, { query: wire(params) });
  if (res.status !== 200) throw new Error(`run failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.result as Started;
}

/** The status `result` object, whichever shape (object or one-element array) the sandbox sent. */
export function statusOf(body: Envelope): JobStatusValue {
  return Array.isArray(body.result) ? body.result[0] : body.result;
}

export async function getStatus(c: Caller, job: Started): Promise<JobStatusValue> {
  const res = await fetch(job.statusUrl, { headers: { authorization: c.auth } });
  return statusOf((await res.json()) as Envelope);
}

export async function waitClosed(c: Caller, job: Started, timeoutMs = 15_000): Promise<JobStatusValue> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await getStatus(c, job);
    if (status.result.runnerState === 'CLOSED') return status;
    if (Date.now() > deadline) throw new Error('job did not close in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function envelopeOf(res: Response): Promise<Envelope> {
  return (await res.json()) as Envelope;
}

/** Follows the 307 by hand (no credentials to storage) and returns the storage response. */
export async function downloadFile(c: Caller, job: Started): Promise<Response> {
  const url = job.statusUrl.replace(/\/status\?/, '/download?');
  const redirect = await fetch(url, { headers: { authorization: c.auth }, redirect: 'manual' });
  if (redirect.status !== 307)
    throw new Error(`download answered ${redirect.status}: ${await redirect.text()}`);
  return fetch(redirect.headers.get('location') as string);
}

export async function runToText(c: Caller, type: string, params: Record<string, unknown>): Promise<string> {
  const job = await startReport(c, type, params);
  await waitClosed(c, job);
  return (await downloadFile(c, job)).text();
}
