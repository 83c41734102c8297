import type { ReportType } from '../../parameters/index.js';
import { checkReportParams } from '../../parameters/index.js';
import {
  buildReportParameters,
  type OutputFormat,
  parseOutputFormat,
  parseReportType,
  type ReportFlags,
} from './report-flags.js';
import { resolveTimeRange, type TimeRange } from './time-range.js';
import { parseTimeZone, parseTimeZoneOffset, utc, type Zone } from './zone.js';

/** The report flags exactly as commander collects them. */
export interface RawReportOptions extends Omit<ReportFlags, 'tz' | 'tzOffsetMs'> {
  readonly from?: string;
  readonly to?: string;
  readonly last?: string;
  readonly tz?: string;
  readonly tzOffset?: string;
}

export interface ReportInput {
  readonly type: ReportType;
  readonly zone: Zone;
  readonly range: TimeRange;
  readonly output: OutputFormat;
  readonly params: Record<string, unknown>;
}

/**
 * Everything `export` and `start` need, validated up front: a mistake anywhere is a UsageError
 * (or the client's ValidationError, for a value the API does not allow) before a connection is
 * opened, let alone a request sent. Dates typed without an offset are
 * anchored in `--tz`, else at `--tz-offset`, else UTC.
 */
export function resolveReportInput(
  typeText: string,
  options: RawReportOptions,
  now: number,
  /** True when the range will be cut into windows: each window is then checked on its own. */
  windowed: (range: TimeRange) => boolean = () => false,
): ReportInput {
  const type = parseReportType(typeText);
  const output = parseOutputFormat(options.format);
  const tz = options.tz !== undefined ? parseTimeZone(options.tz) : undefined;
  const tzOffsetMs = options.tzOffset !== undefined ? parseTimeZoneOffset(options.tzOffset) : undefined;
  const zone: Zone =
    tz !== undefined
      ? { kind: 'iana', id: tz }
      : tzOffsetMs !== undefined
        ? { kind: 'fixed', offsetMs: tzOffsetMs }
        : utc;
  const range = resolveTimeRange(options, zone, now);
  const params = buildReportParameters(type, range, { ...options, tz, tzOffsetMs });
  if (!windowed(range)) checkReportParams(type, params);
  return { type, zone, range, output, params };
}
