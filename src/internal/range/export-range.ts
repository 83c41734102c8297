// A range of any length as calendar windows, each one export job through the client's scheduler,
// written resumably: the manifest records each window's job as soon as it is started and its file
// once that file is safely in place, so a rerun after a crash keeps what is done, picks up started
// jobs instead of starting them again, and writes the same bytes an uninterrupted run would.
import { setMaxListeners } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ReportType } from '../../../generated/report-parameters.js';
import { ApiError } from '../../errors/api-error.js';
import { ReportFailedError } from '../../errors/report-failed-error.js';
import { ValidationError } from '../../errors/validation-error.js';
import { coerceTime } from '../../parameters/coerce-time.js';
import { iso } from '../../parameters/time-window.js';
import { validateReportParams } from '../../parameters/validate-report-params.js';
import type {
  RangeExportOptions,
  RangeExportResult,
  RangeFormat,
  RangeProgress,
  RangeWindow,
} from '../../types/range-export.js';
import type { ReportJobState } from '../../types/report-job-state.js';
import type { WarningHandler } from '../../types/validation-warning.js';
import type { ReportJob } from '../job/report-job.js';
import type { SlotLease } from '../schedule/job-slots.js';
import type { Scheduler, StartJob } from '../schedule/scheduler.js';
import { type CalendarZone, cutWindows, windowUnit } from './calendar.js';
import { type Manifest, type RangeRequest, readManifest, writeManifest } from './manifest.js';
import { mergeWindowFiles } from './merge.js';
import { fileDigest, removeStaleParts, writeWindowFile } from './window-file.js';

/** What the client lends a range export (and a sync): its scheduler and how to start or adopt jobs. */
export interface RangeRuntime {
  readonly scheduler: Scheduler;
  readonly onWarning: WarningHandler;
  startJob(
    type: ReportType,
    params: Record<string, unknown>,
    onWarning: WarningHandler,
  ): StartJob<ReportType>;
  adopt(state: ReportJobState, lease: SlotLease): ReportJob;
}

const RETENTION_MONTHS = 18;

export interface PlannedRange {
  readonly request: RangeRequest;
  readonly windows: RangeWindow[];
}

/** Checks everything and cuts the windows, before any file or request. */
export function planRange(
  type: ReportType,
  params: Readonly<Record<string, unknown>>,
  options: Pick<RangeExportOptions, 'format' | 'window' | 'timeZone' | 'partition'>,
): PlannedRange {
  const unit = windowUnit(options.window);
  const asked = params.reportFormat as 'csv' | 'json' | undefined;
  const format: RangeFormat = options.format ?? asked ?? 'json';
  if (!['csv', 'json', 'ndjson'].includes(format))
    throw new ValidationError('format', `'${format}' is not a format`, 'use csv, json or ndjson');
  if (asked !== undefined && format !== 'ndjson' && asked !== format)
    throw new ValidationError(
      'format',
      `${format} output of a ${asked} export`,
      `pass reportFormat '${format}'`,
    );
  const reportFormat = format === 'ndjson' ? (asked ?? 'json') : format;
  const startTime = coerceTime('startTime', params.startTime);
  const endTime = coerceTime('endTime', params.endTime);
  if (!(startTime < endTime))
    throw new ValidationError(
      'endTime',
      `${iso(endTime)} is not after startTime ${iso(startTime)}`,
      'pass a later endTime',
    );
  const zone: CalendarZone =
    options.timeZone ??
    (typeof params.timezone === 'string'
      ? params.timezone
      : typeof params.timezoneOffset === 'number'
        ? params.timezoneOffset
        : 0);
  if (typeof zone === 'string') {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      throw new ValidationError(
        'timeZone',
        `'${zone}' is not a time zone`,
        'pass an IANA id such as America/Chicago',
      );
    }
  }
  const windows = cutWindows(startTime, endTime, unit, zone).map(
    (w): RangeWindow => ({ ...w, state: 'pending' }),
  );
  const base = { ...params, startTime, endTime, reportFormat };
  // Every window's parameters pass the client's checks before the first job starts.
  for (const w of windows) validateReportParams(type, windowParams(base, w));
  return {
    request: {
      reportType: type,
      params: base,
      format,
      window: unit,
      timeZone: zone,
      partition: !!options.partition,
    },
    windows,
  };
}

export const windowParams = (params: Readonly<Record<string, unknown>>, w: RangeWindow) => ({
  ...params,
  startTime: w.startTime,
  endTime: w.endTime,
});

/** One warning for all windows older than the retention, and a handler that drops the per-window ones. */
export function warnRetention(
  windows: readonly RangeWindow[],
  onWarning: WarningHandler,
  now: number,
): WarningHandler {
  const retained = new Date(now);
  retained.setUTCMonth(retained.getUTCMonth() - RETENTION_MONTHS);
  const old = windows.filter((w) => w.startTime < retained.getTime());
  if (old.length > 0) {
    onWarning({
      code: 'data-retention',
      parameter: 'startTime',
      message: `${old.length} of ${windows.length} windows (${old.map((w) => w.label).join(', ')}) begin before the ${RETENTION_MONTHS} months of data the API keeps; rows before ${iso(retained.getTime())} will be missing`,
    });
  }
  return (warning) => {
    if (warning.code !== 'data-retention') onWarning(warning);
  };
}

/** Serializes the run calls, so a kill can cut off at most one start before the manifest records it. */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => {});
    return next;
  };
}

const extension = (format: RangeFormat) => format;

export async function exportRange(
  runtime: RangeRuntime,
  type: ReportType,
  params: Readonly<Record<string, unknown>>,
  options: RangeExportOptions,
): Promise<RangeExportResult> {
  if (typeof options?.out !== 'string' || options.out === '')
    throw new ValidationError('out', 'missing', 'pass the output file (or directory, with partition)');
  const planned = planRange(type, params, options);
  const { request } = planned;
  const format = request.format as RangeFormat;
  const target = resolve(options.out);
  const dir = request.partition ? target : join(dirname(target), `.${basename(target)}.parts`);
  const manifestPath = request.partition ? join(target, 'manifest.json') : `${target}.manifest.json`;
  const fileOf = (w: RangeWindow) =>
    join(
      dir,
      request.partition ? `${type}_${w.label}.${extension(format)}` : `${w.label}.${extension(format)}`,
    );

  mkdirSync(dirname(manifestPath), { recursive: true });
  const earlier = readManifest(manifestPath, request, target);
  const manifest: Manifest = earlier ?? {
    kind: 'khoros-care-analytics/range-export',
    version: 1,
    request,
    windows: planned.windows,
  };
  const windowOnWarning = warnRetention(manifest.windows, runtime.onWarning, options.now ?? Date.now());
  const started = Date.now();
  const total = () =>
    manifest.windows.reduce(
      (sum, w) => ({ rows: sum.rows + (w.rows ?? 0), bytes: sum.bytes + (w.bytes ?? 0) }),
      { rows: 0, bytes: 0 },
    );
  const result = (kept: number): RangeExportResult => ({
    path: target,
    manifestPath,
    windows: manifest.windows,
    ...total(),
    kept,
  });

  if (earlier?.merged && (await fileDigest(target))?.sha256 === earlier.merged.sha256)
    return result(manifest.windows.length);

  mkdirSync(dir, { recursive: true });
  removeStaleParts(dir);
  const persist = () => writeManifest(manifestPath, manifest);
  const update = (index: number, window: RangeWindow) => {
    manifest.windows[index] = window;
    persist();
  };
  let kept = 0;
  let doneThisRun = 0;
  const running = new Set<number>();
  const emit = (event: RangeProgress['event'], window?: RangeWindow) => {
    const done = manifest.windows.filter((w) => w.state === 'done').length;
    const elapsedMs = Date.now() - started;
    const remaining = manifest.windows.length - done;
    options.onProgress?.({
      event,
      ...(window ? { window } : {}),
      windows: manifest.windows.length,
      done,
      running: running.size,
      queued: remaining - running.size,
      ...total(),
      elapsedMs,
      etaMs: doneThisRun > 0 ? Math.round((elapsedMs / doneThisRun) * remaining) : null,
    });
  };

  // Windows an earlier run finished are kept only if their file is still exactly what it wrote.
  for (const [index, w] of manifest.windows.entries()) {
    if (w.state !== 'done') continue;
    const digest = await fileDigest(fileOf(w));
    if (digest?.sha256 === w.sha256 && digest?.bytes === w.bytes) {
      kept++;
      emit('kept', w);
    } else {
      const { file: _f, rows: _r, bytes: _b, sha256: _s, ...rest } = w;
      update(index, { ...rest, state: w.job ? 'started' : 'pending' });
    }
  }
  persist();
  emit('planned');

  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every window's waits and transfers listen to it: many listeners by design.
  setMaxListeners(0, signal);
  const serial = oneAtATime();
  const waitOptions = {
    signal,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: options.maxPollIntervalMs }),
  };

  const resumeSaved = async (index: number, state: ReportJobState): Promise<ReportJob | undefined> => {
    const lease = await runtime.scheduler.slots.acquire(signal);
    const job = runtime.adopt(state, lease);
    running.add(index);
    emit('resumed', manifest.windows[index]);
    try {
      await job.wait(waitOptions);
      return job;
    } catch (error) {
      // A saved job that failed, or that the service no longer knows, is started afresh.
      if (
        signal.aborted ||
        !(error instanceof ReportFailedError || (error instanceof ApiError && error.status === 400))
      )
        throw error;
      return undefined;
    }
  };

  const startFresh = (index: number): Promise<ReportJob> => {
    const w = manifest.windows[index] as RangeWindow;
    const startJob = runtime.startJob(type, windowParams(request.params, w), windowOnWarning);
    return runtime.scheduler.run(
      (lease, startSignal) =>
        serial(async () => {
          startSignal.throwIfAborted();
          // Once sent, the run call is not cut off by an abort: the job it creates must reach the
          // manifest, or a rerun would start that window a second time.
          const job = await startJob(lease, new AbortController().signal);
          update(index, { ...(manifest.windows[index] as RangeWindow), state: 'started', job: job.toJSON() });
          running.add(index);
          emit('started', manifest.windows[index]);
          return job;
        }),
      waitOptions,
    );
  };

  const exportWindow = async (index: number): Promise<void> => {
    const w = manifest.windows[index] as RangeWindow;
    if (w.state === 'done') return;
    const job = (w.job ? await resumeSaved(index, w.job) : undefined) ?? (await startFresh(index));
    const file = fileOf(w);
    const written = await writeWindowFile(await job.download({ signal }), format, file, signal);
    running.delete(index);
    doneThisRun++;
    update(index, {
      ...(manifest.windows[index] as RangeWindow),
      state: 'done',
      file: relative(dirname(manifestPath), file),
      ...written,
    });
    emit('done', manifest.windows[index]);
  };

  let failure: unknown;
  await Promise.all(
    manifest.windows.map((_w, index) =>
      exportWindow(index).catch((error) => {
        failure ??= error;
        stop.abort();
      }),
    ),
  );
  if (failure !== undefined) throw failure;

  if (!request.partition) {
    const merged = await mergeWindowFiles(
      manifest.windows.map((w) => ({ label: w.label, path: fileOf(w) })),
      format,
      target,
      signal,
    );
    manifest.merged = { file: basename(target), ...merged };
    persist();
    rmSync(dir, { recursive: true, force: true });
    emit('merged');
  }
  return result(kept);
}
