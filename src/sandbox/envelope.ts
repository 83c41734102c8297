// The vendor's response envelope, for success and failure. The vendor documents no failure shape;
// the sandbox answers the one it has been seen to use: `status` other than PASS, the text in
// `message` — or in `result`, with `message` null, for the hydration errors.
import { bufferReply, type Reply } from './respond.js';

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };

export function pass(result: unknown, headers: Record<string, string> = {}): Reply {
  return bufferReply(200, JSON.stringify({ status: 'PASS', request: null, message: null, result }), {
    ...JSON_TYPE,
    ...headers,
  });
}

export function fail(
  httpStatus: number,
  message: string,
  headers: Record<string, string | number> = {},
): Reply {
  return bufferReply(httpStatus, JSON.stringify({ status: 'FAIL', request: null, message }), {
    ...JSON_TYPE,
    ...headers,
  });
}

/** The vendor's string-`result` error form (e.g. `HydrationException … Too many buckets (745) requested`). */
export function failWithResult(httpStatus: number, result: string): Reply {
  return bufferReply(
    httpStatus,
    JSON.stringify({ status: 'FAIL', request: null, message: null, result }),
    JSON_TYPE,
  );
}
