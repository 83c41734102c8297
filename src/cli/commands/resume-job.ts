import type { Command } from 'commander';
import type { ReportType } from '../../parameters/index.js';
import type { Session } from '../config/session.js';
import type { CliContext } from '../context.js';
import { parseJobRef } from '../input/job-ref.js';
import { parseChoice } from '../input/lists.js';
import { parseReportType } from '../input/report-flags.js';

export interface JobArgumentOptions {
  readonly type?: string;
  readonly jobFormat?: string;
}

/** `<job...>` plus the two flags that complete a bare `workflowId runId` pair. */
export function addJobArgument(command: Command): Command {
  return command
    .argument('<job...>', 'the JSON `start` printed, a file holding it, or <workflowId> <runId>')
    .option('--type <reportType>', 'with bare ids: the report type (names the downloaded file)')
    .option(
      '--job-format <format>',
      'with bare ids: csv or json, the format the report was started with',
      'csv',
    );
}

export interface JobArgument {
  /** What `reports.resume()` takes. */
  readonly state: Record<string, unknown>;
  /** The report type for file names and progress, or `export` when bare ids did not say. */
  readonly label: string;
}

/** Rebuilds a job from what the user passed; validated before the session is opened. */
export function jobFromArguments(
  args: readonly string[],
  options: JobArgumentOptions,
  context: CliContext,
): JobArgument {
  const ref = parseJobRef(args, context.cwd);
  if (ref.kind !== undefined) return { state: ref, label: String(ref.reportType) };
  // The service needs only the ids; the client also wants the type (file names) and format (rows).
  const reportType: ReportType = options.type !== undefined ? parseReportType(options.type) : 'conversation';
  const format = parseChoice(options.jobFormat ?? 'csv', '--job-format', ['csv', 'json'] as const);
  const state = { workflowId: ref.workflowId, runId: ref.runId, reportType, format };
  return { state, label: options.type !== undefined ? reportType : 'export' };
}

export function resumeJob(session: Session, state: Record<string, unknown>) {
  return session.client.reports.resume(state as never);
}
