// The API origin: routes a request, applies scripted faults, authenticates, validates against the
// spec, and answers in the vendor's envelope. Paths live under /api/public like the real service.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ReportType, reportOperations, reportTypes } from '../parameters/index.js';
import { reportAnswer } from './answer-hook.js';
import type { ExportFormat } from './data/generate.js';
import { fail, failWithResult, pass } from './envelope.js';
import { type Fault, type FaultRoute, retryAfterHeader } from './faults.js';
import type { Job } from './jobs.js';
import { checkLimits } from './limits.js';
import { teams, timeZones } from './reference.js';
import { recordRequest } from './requests.js';
import { bufferReply, type Reply, send } from './respond.js';
import type { SandboxState } from './state.js';
import { checkRequest } from './validate.js';
import { misjoinedParameter, reportParams, typedFields } from './wire.js';

export const API_PREFIX = '/api/public';
const JOB_PATH = /^\/reports\/report\/([^/]+)\/([^/]+)\/(status|download)$/;
const RUN_PATH = /^\/reports\/report\/([^/]+)$/;
const MAX_BODY = 1024 * 1024;
const DEFAULT_FAILURE = 'Report generation failed: the analytics index did not respond in time.';

interface Routed {
  readonly route: FaultRoute | 'unknown';
  readonly reportType?: string;
  readonly workflowId?: string;
  readonly runId?: string;
}

function routeOf(path: string): Routed {
  if (!path.startsWith(`${API_PREFIX}/`)) return { route: 'unknown' };
  const rest = path.slice(API_PREFIX.length);
  if (rest === '/config/timezones') return { route: 'timezones' };
  if (rest === '/teams') return { route: 'teams' };
  if (rest === '/reports/jobs') return { route: 'jobs' };
  const job = JOB_PATH.exec(rest);
  if (job) {
    const [, workflowId = '', runId = '', what] = job;
    return {
      route: what === 'status' ? 'status' : 'download',
      workflowId: safeDecode(workflowId),
      runId: safeDecode(runId),
    };
  }
  const run = RUN_PATH.exec(rest);
  if (run) return { route: 'run', reportType: safeDecode(run[1] ?? '') };
  return { route: 'unknown' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new RangeError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleApi(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', state.apiOrigin);
  const routed = routeOf(url.pathname);
  const entry = recordRequest(state.requests, state.options.requestLogLimit, 'api', routed.route, req, url);
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  const body =
    req.method === 'POST' || req.method === 'PUT' ? await readBody(req).catch(() => undefined) : '';
  if (body) entry.body = body;
  const fault = routed.route === 'unknown' ? undefined : state.faults.take(routed.route);
  const reply =
    body === undefined
      ? fail(413, 'Request body too large')
      : (immediateFault(fault) ?? answer(state, req, url, routed, body, fault));
  if (state.options.onResponse)
    reportAnswer(state.options.onResponse, req, url, API_PREFIX, reply, fault?.kind);
  await send(res, reply, fault, state.signal);
}

/** Faults that replace the answer altogether. */
function immediateFault(fault: Fault | undefined): Reply | undefined {
  switch (fault?.kind) {
    case 'httpError': {
      const headers =
        fault.retryAfter !== undefined ? { 'retry-after': retryAfterHeader(fault.retryAfter) } : undefined;
      return fail(fault.status, httpMessage(fault.status), headers);
    }
    case 'malformedJson':
      return bufferReply(
        200,
        '{"status":"PASS","request":null,"message":null,"result":{"workflowId":"5b0f9e3c-6f1a',
        {
          'content-type': 'application/json;charset=UTF-8',
        },
      );
    case 'failEnvelope':
      return bufferReply(
        fault.httpStatus ?? 200,
        JSON.stringify({
          status: 'FAIL',
          request: null,
          message:
            fault.message ?? (fault.result === undefined ? 'Internal error, please try again later' : null),
          ...(fault.result === undefined ? {} : { result: fault.result }),
        }),
        { 'content-type': 'application/json;charset=UTF-8' },
      );
    default:
      return undefined;
  }
}

function httpMessage(status: number): string {
  const messages: Record<number, string> = {
    429: 'Too Many Requests: rate limit exceeded, retry later',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return messages[status] ?? `HTTP ${status}`;
}

function answer(
  state: SandboxState,
  req: IncomingMessage,
  url: URL,
  routed: Routed,
  body: string,
  fault: Fault | undefined,
): Reply {
  if (routed.route === 'unknown') return fail(404, `No such endpoint: ${req.method} ${url.pathname}`);
  const job = routed.workflowId ? state.jobs.get(routed.workflowId) : undefined;
  const username = authenticate(state, req, url.searchParams, job);
  if (!username) {
    return fail(401, 'Unauthorized: valid credentials (HTTP Basic) and companyKey required', {
      'www-authenticate': 'Basic realm="Care Analytics"',
    });
  }
  const reportType = reportTypes.includes(routed.reportType as ReportType)
    ? (routed.reportType as ReportType)
    : undefined;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const form =
    routed.route === 'run' && contentType === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body)
      : undefined;
  if (reportType && req.method === 'POST' && reportOperations[reportType].bodyContentType && !form) {
    return fail(
      400,
      `Invalid request: POST ${reportType} takes its parameters as an application/x-www-form-urlencoded body`,
    );
  }
  if (state.options.validate) {
    const query = new URLSearchParams(url.searchParams);
    query.delete('companyKey');
    query.delete('analyticsAccessToken');
    const invalid = checkRequest({
      method: req.method ?? 'GET',
      path: url.pathname.slice(API_PREFIX.length),
      query: query.toString(),
      headers: contentType ? { 'content-type': contentType } : {},
      body: form && reportType ? typedFields(reportType, form) : undefined,
    });
    if (invalid) return fail(400, invalid.message);
  }
  switch (routed.route) {
    case 'run':
      return reportType
        ? run(state, reportType, url.searchParams, form, username, fault)
        : fail(400, "Invalid parameter 'report_type'");
    case 'status':
      return job && job.runId === routed.runId ? status(state, job, fault) : noSuchJob(routed);
    case 'download':
      return job && job.runId === routed.runId ? download(state, job, fault) : noSuchJob(routed);
    case 'timezones':
      return pass(timeZones(url.searchParams.get('locale') ?? 'en'));
    case 'teams':
      return pass(teams(state.roster));
    case 'jobs':
      return pass(state.jobs.recent(username).map((j) => jobSummary(state, j)));
    case 'storage':
      return fail(404, 'Not found');
  }
}

function noSuchJob(routed: Routed): Reply {
  return fail(400, `No report job with workflowId ${routed.workflowId} and this runId`);
}

/** The API user, when Basic credentials and the company key (or the job's token) are right. */
function authenticate(
  state: SandboxState,
  req: IncomingMessage,
  query: URLSearchParams,
  job: Job | undefined,
): string | undefined {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const user = state.options.users.find((u) => u.username === username && u.password === password);
  if (colon < 0 || !user) return undefined;
  const companyKey = query.get('companyKey');
  const token = query.get('analyticsAccessToken');
  if (companyKey === state.options.companyKey) return user.username;
  if (job && token !== null && token === job.token) return user.username;
  return undefined;
}

function run(
  state: SandboxState,
  type: ReportType,
  query: URLSearchParams,
  form: URLSearchParams | undefined,
  username: string,
  fault: Fault | undefined,
): Reply {
  const misjoined = misjoinedParameter(type, query, ...(form ? [form] : []));
  if (misjoined) {
    return fail(
      400,
      `Invalid parameter '${misjoined}': send one comma-joined value (${misjoined}=1%2C2), not repeated keys`,
    );
  }
  const params = reportParams(type, query, reportOperations[type].bodyContentType ? form : undefined);
  const limit = checkLimits(type, params);
  if (limit?.kind === 'parameter') return fail(400, limit.message);
  if (limit?.kind === 'hydration') return failWithResult(400, limit.result);
  const format: ExportFormat = params.reportFormat ?? 'json';
  const job = state.jobs.create({
    username,
    reportType: type,
    params,
    format,
    failWith: fault?.kind === 'jobFailed' ? (fault.reason ?? DEFAULT_FAILURE) : undefined,
    overQuota: fault?.kind === 'queueFull',
    foreignOrigin: fault?.kind === 'foreignStatusUrl' ? (fault.origin ?? state.storageOrigin) : undefined,
  });
  // The vendor declares (and sends) text/plain for the run endpoints although the body is JSON.
  return pass(
    { workflowId: job.workflowId, runId: job.runId, ...jobUrls(state, job, job.foreignOrigin) },
    { 'content-type': 'text/plain;charset=UTF-8' },
  );
}

/** `statusUrl`/`downloadUrl` as the service returns them (downloadUrl empty until done). */
function jobUrls(
  state: SandboxState,
  job: Job,
  origin = state.apiOrigin,
): { statusUrl?: string; downloadUrl?: string } {
  if (state.options.jobUrls === 'omit') return {};
  const base = `${origin}${API_PREFIX}/reports/report/${job.workflowId}/${encodeURIComponent(job.runId)}`;
  const credential =
    state.options.jobUrls === 'companyKey'
      ? `companyKey=${encodeURIComponent(state.options.companyKey)}`
      : `analyticsAccessToken=${encodeURIComponent(job.token)}`;
  return {
    statusUrl: `${base}/status?${credential}`,
    downloadUrl: job.state === 'COMPLETED' ? `${base}/download?${credential}` : '',
  };
}

function status(state: SandboxState, job: Job, fault: Fault | undefined): Reply {
  const now = Date.now();
  const closed = job.state === 'COMPLETED' || job.state === 'FAILED';
  const value = {
    jobInfo: {
      workflowId: job.workflowId,
      runId: job.runId,
      ...jobUrls(
        state,
        job,
        fault?.kind === 'foreignStatusUrl' ? (fault.origin ?? state.storageOrigin) : job.foreignOrigin,
      ),
    },
    result: {
      runnerState: closed ? 'CLOSED' : 'RUNNING',
      detail: closed ? job.state : '',
      reason: job.reason,
      currentCount: state.jobs.progress(job, now),
      totalCount: job.totalCount,
      // Whole milliseconds, like the service: a job's duration (and so its end) can be fractional.
      lastAcknowledgeTime: Math.floor(job.finishedAt ?? now),
    },
  };
  const poll = job.statusPolls++;
  const shape = state.options.statusShape;
  const asArray = shape === 'array' || (shape === 'alternate' && poll % 2 === 1);
  return pass(asArray ? [value] : value);
}

function download(state: SandboxState, job: Job, fault: Fault | undefined): Reply {
  if (job.state === 'FAILED')
    return fail(400, `Report failed and has no file: ${job.reason ?? 'no reason given'}`);
  if (job.state !== 'COMPLETED')
    return fail(400, 'Report is not ready for download yet; poll its status until CLOSED/COMPLETED');
  const now = Date.now();
  const signedAt = fault?.kind === 'expiredUrl' ? now - state.options.urlTtlMs - 60_000 : now;
  const path = `/exports/${job.workflowId}.${job.format}`;
  const location = `${state.storageOrigin}${path}?${state.signer.sign(path, signedAt, state.options.urlTtlMs)}`;
  return bufferReply(307, '', { location, 'cache-control': 'no-store' });
}

function jobSummary(state: SandboxState, job: Job) {
  const closed = job.state === 'COMPLETED' || job.state === 'FAILED';
  const { statusUrl: _status, ...urls } = jobUrls(state, job);
  return {
    jobInfo: { workflowId: job.workflowId, runId: job.runId, ...urls },
    result: {
      runnerState: closed ? 'CLOSED' : 'RUNNING',
      details: closed ? job.state : '',
      reason: job.reason,
    },
  };
}
