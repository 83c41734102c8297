// The manifest of a range export: what was asked (to refuse a different command on the same
// output) and each window's progress. Written whole to a temp file and renamed, so a crash at
// any moment leaves either the previous manifest or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RangeExportError } from '../../errors/range-export-error.js';
import type { RangeWindow } from '../../types/range-export.js';

export interface RangeRequest {
  readonly reportType: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly format: string;
  readonly window: string;
  readonly timeZone: string | number;
  readonly partition: boolean;
}

export interface Manifest {
  readonly kind: 'khoros-care-analytics/range-export';
  readonly version: 1;
  readonly request: RangeRequest;
  windows: RangeWindow[];
  /** Set once the merged file is in place. */
  merged?: { readonly file: string; readonly bytes: number; readonly sha256: string };
}

/** Writes `text` to `path` atomically (temp file, fsync, rename). */
export function writeTextAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function writeManifest(path: string, manifest: Manifest): void {
  writeTextAtomically(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Key order fixed, so two spellings of the same request compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameRequest = (a: RangeRequest, b: RangeRequest) => canonical(a) === canonical(b);

/**
 * The manifest an earlier run left, when it is for this very request; undefined when there is
 * none. A manifest of another request means another export owns the output: refused.
 */
export function readManifest(path: string, request: RangeRequest, out: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    manifest = undefined;
  }
  if (manifest?.kind !== 'khoros-care-analytics/range-export' || !sameRequest(manifest.request, request)) {
    throw new RangeExportError(
      'output-in-use',
      `${out} belongs to a different export (see ${path}); choose another output, or delete both to start over`,
    );
  }
  return manifest;
}
