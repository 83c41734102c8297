import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors/usage-error.js';

/** The saved job as `start` prints it (the client's `job.toJSON()`). */
export type JobRef = Record<string, unknown> & { readonly workflowId: string; readonly runId: string };

const USAGE =
  'give the JSON that `care-analytics start` printed, a file holding it, or the two ids `<workflowId> <runId>`';

/**
 * `<job>` as users pass it: the JSON `start` printed (inline or in a file), or `workflowId runId`.
 */
export function parseJobRef(args: readonly string[], cwd: string): JobRef {
  if (args.length === 2) {
    const [workflowId = '', runId = ''] = args;
    if (workflowId.startsWith('{') || runId.startsWith('{')) throw new UsageError(`<job>: ${USAGE}`, '<job>');
    return { workflowId, runId };
  }
  if (args.length !== 1) throw new UsageError(`<job>: ${USAGE}`, '<job>');
  const [arg = ''] = args;
  const trimmed = arg.trim();
  let text = trimmed;
  if (!trimmed.startsWith('{')) {
    const path = resolve(cwd, trimmed);
    if (trimmed === '' || !existsSync(path) || !statSync(path).isFile())
      throw new UsageError(`<job>: '${arg}' is neither job JSON nor an existing file; ${USAGE}`, '<job>');
    text = readFileSync(path, 'utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`<job>: not valid JSON; ${USAGE}`, '<job>');
  }
  if (!isJobRef(parsed))
    throw new UsageError(`<job>: the JSON has no workflowId and runId; ${USAGE}`, '<job>');
  return parsed;
}

function isJobRef(value: unknown): value is JobRef {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.workflowId === 'string' && typeof record.runId === 'string';
}
