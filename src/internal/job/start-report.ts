import type { ReportType } from '../../../generated/report-rules.js';
import { ApiError } from '../../errors/api-error.js';
import { ValidationError } from '../../errors/validation-error.js';
import { show } from '../../parameters/check-rule.js';
import { validateReportParams } from '../../parameters/validate-report-params.js';
import type { WarningHandler } from '../../types/validation-warning.js';
import type { SlotLease } from '../schedule/job-slots.js';
import { serializeReportParams } from '../serialization/serialize-report-params.js';
import type { ApiPath } from '../transport/openapi-fetch-client.js';
import { rebaseOntoBase } from '../transport/origin-guard.js';
import type { Transport } from '../transport/transport.js';
import { checkUrlBudget } from '../validation/url-budget.js';
import { jobState } from './job-state.js';
import { ReportJob } from './report-job.js';

/** The access token of a returned status/download URL, read only after re-basing it onto our origin. */
function accessTokenOf(urls: readonly unknown[], base: URL): string | undefined {
  for (const url of urls) {
    if (typeof url !== 'string' || !url) continue;
    try {
      const token = rebaseOntoBase(url, base).searchParams.get('analyticsAccessToken');
      if (token) return token;
    } catch {
      // An unparsable URL carries nothing we can use; companyKey still authorizes the job.
    }
  }
  return undefined;
}

/**
 * Validation and serialization of a run call. Whatever the input (a BigInt, a Proxy, a string
 * no URL can carry), the outcome is a ValidationError, never another error type.
 */
function prepareRunCall(transport: Transport, type: ReportType, params: unknown) {
  try {
    const report = validateReportParams(type, params);
    const { operation } = report;
    const { query, formBody } = serializeReportParams(
      operation.parameters,
      report.values,
      !!operation.bodyContentType,
    );
    // The run path of every report type is a path of the generated schema (a missing one fails
    // the typecheck here); the parameter table generated beside it names the same path.
    const path: ApiPath = `/reports/report/${type}` as const;
    const call = { method: 'POST', path, query, formBody } as const;
    checkUrlBudget(transport.sentUrlLength(call), operation.parameters, report.values);
    return { report, call };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(
      'params',
      `they cannot be read (${error instanceof Error ? error.message : show(error)})`,
      'pass plain values: numbers, strings, booleans, Dates and arrays of them',
    );
  }
}

/**
 * Validates, serializes and sends the run call. It is sent with `idempotent: false`: a second
 * POST could start a second export, so the transport repeats it only when the first attempt
 * provably never reached the API or was refused before a job existed (see with-retry.ts).
 */
export async function startReport<T extends ReportType>(
  transport: Transport,
  type: T,
  params: unknown,
  options: { signal?: AbortSignal | undefined; onWarning: WarningHandler; lease?: SlotLease },
): Promise<ReportJob<T>> {
  const { report, call } = prepareRunCall(transport, type, params);
  for (const warning of report.warnings) options.onWarning(warning);
  const { operation } = report;
  const result = await transport.callForResult(call, { signal: options.signal, idempotent: false });
  const started = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  if (
    typeof started.workflowId !== 'string' ||
    typeof started.runId !== 'string' ||
    !started.workflowId ||
    !started.runId
  ) {
    throw new ApiError(`POST ${operation.path} returned no workflowId/runId`, {
      status: 200,
      method: 'POST',
      url: transport.describeUrl(call),
      secrets: transport.secrets,
    });
  }
  const state = jobState({
    workflowId: started.workflowId,
    runId: started.runId,
    reportType: type,
    format: report.format,
  });
  return new ReportJob(
    transport,
    state as typeof state & { reportType: T },
    accessTokenOf([started.statusUrl, started.downloadUrl], transport.config.baseUrl),
    options.lease,
    options.onWarning,
  );
}
