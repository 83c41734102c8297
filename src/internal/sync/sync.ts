// Incremental sync: per report type, from its bookmark to the end of the last whole day, one
// file per calendar window. A window whose period has not ended (the current month) is the
// "open" one: it is exported again on every run that has anything new, its file replaced
// atomically; the bookmark moves past a window only once its file is in place.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReportType } from '../../../generated/report-parameters.js';
import { ValidationError } from '../../errors/validation-error.js';
import { coerceTime } from '../../parameters/coerce-time.js';
import type { SyncBookmark, SyncOptions, SyncResult, SyncState, SyncWindowEvent } from '../../types/sync.js';
import { cutWindows, dateIn, midnight, unitAt, windowUnit } from '../range/calendar.js';
import { planRange, type RangeRuntime, warnRetention } from '../range/export-range.js';
import { writeWindowFile } from '../range/window-file.js';

interface Planned {
  readonly type: ReportType;
  readonly windows: readonly (SyncWindowEvent & { readonly state: 'started' })[];
  readonly params: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function sync(runtime: RangeRuntime, options: SyncOptions): Promise<SyncResult> {
  const unit = windowUnit(options.window);
  if (!(options.types?.length > 0))
    throw new ValidationError('types', 'no report type given', 'pass e.g. ["conversation"]');
  if (typeof options.out !== 'string' || options.out === '')
    throw new ValidationError('out', 'missing', 'pass the directory that receives the files');
  if (options.state !== undefined && options.state?.kind !== 'khoros-care-analytics/sync-state')
    throw new ValidationError(
      'state',
      'not a sync state',
      'pass the state a previous sync returned, unchanged',
    );
  const lookbackMs = options.lookbackMs ?? 0;
  if (!(lookbackMs >= 0))
    throw new ValidationError('lookbackMs', `${lookbackMs} is negative`, 'pass 0 or more');
  const zone = options.timeZone ?? 0;
  const format = options.format ?? 'json';
  const today = dateIn(zone, options.now ?? Date.now());
  const to = midnight(zone, today.year, today.month, today.day);
  const since = options.since === undefined ? undefined : coerceTime('since', options.since);
  const types: Partial<Record<ReportType, SyncBookmark>> = { ...options.state?.types };

  const plans: Planned[] = options.types.map((type) => {
    const mark = types[type];
    let from = mark ? Date.parse(mark.bookmark) : since;
    if (from === undefined || Number.isNaN(from))
      throw new ValidationError('since', `${type} has no bookmark yet`, 'pass since for the first run');
    const exportedUntil = mark ? Date.parse(mark.exportedUntil) : Number.NEGATIVE_INFINITY;
    const hasNew = to > exportedUntil;
    if (hasNew && mark && lookbackMs > 0) from = Math.min(from, unitAt(unit, zone, to - lookbackMs).start);
    const windows =
      from < to
        ? cutWindows(from, to, unit, zone).map((w) => ({
            type,
            ...w,
            open: unitAt(unit, zone, w.startTime).end > to,
            state: 'started' as const,
          }))
        : [];
    // Only the open window, already exported up to the same day: nothing new.
    const nothingNew = windows.length === 0 || (windows.length === 1 && windows[0]?.open === true && !hasNew);
    const base = { ...options.params?.[type], startTime: from, endTime: Math.max(to, from + 1) };
    const checked = planRange(type, base, { format, window: unit, timeZone: zone });
    return { type, windows: nothingNew ? [] : windows, params: checked.request.params };
  });

  const onWindowWarning = warnRetention(
    plans.flatMap((p) =>
      p.windows.map((w) => ({ ...w, label: `${p.type} ${w.label}`, state: 'pending' as const })),
    ),
    runtime.onWarning,
    options.now ?? Date.now(),
  );
  const state = (): SyncState => ({
    kind: 'khoros-care-analytics/sync-state',
    version: 1,
    types: { ...types },
  });
  const finished: SyncWindowEvent[] = [];
  const waitOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: options.maxPollIntervalMs }),
  };

  const syncType = async (plan: Planned) => {
    if (plan.windows.length === 0) return;
    const dir = join(resolve(options.out), plan.type);
    mkdirSync(dir, { recursive: true });
    const done = plan.windows.map(() => false);
    const advance = () => {
      const prefix = done.indexOf(false) < 0 ? done.length : done.indexOf(false);
      const last = plan.windows[prefix - 1];
      if (!last) return;
      const prior = types[plan.type];
      // A closed window is final: the bookmark passes it. The open one stays, to be redone.
      const bookmark = Math.max(
        prior ? Date.parse(prior.bookmark) : 0,
        last.open ? last.startTime : last.endTime,
      );
      const exportedUntil = Math.max(prior ? Date.parse(prior.exportedUntil) : 0, last.endTime);
      types[plan.type] = { bookmark: iso(bookmark), exportedUntil: iso(exportedUntil) };
      options.onState?.(state());
    };
    await Promise.all(
      plan.windows.map(async (w, i) => {
        const startJob = runtime.startJob(
          plan.type,
          { ...plan.params, startTime: w.startTime, endTime: w.endTime },
          onWindowWarning,
        );
        options.onWindow?.(w);
        const job = await runtime.scheduler.run(startJob, waitOptions);
        const file = join(dir, `${w.label}.${format}`);
        const written = await writeWindowFile(await job.download(waitOptions), format, file, options.signal);
        const event: SyncWindowEvent = {
          ...w,
          state: 'done',
          file,
          rows: written.rows,
          bytes: written.bytes,
        };
        finished.push(event);
        options.onWindow?.(event);
        done[i] = true;
        advance();
      }),
    );
  };

  await Promise.all(plans.map(syncType));
  return { state: state(), upToDate: plans.every((p) => p.windows.length === 0), windows: finished };
}
