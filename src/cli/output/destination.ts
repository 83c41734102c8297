import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { epochToWallTime, type Zone } from '../input/zone.js';

export type Destination = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/**
 * `--out -` is stdout; a path ending in a separator or naming an existing directory gets a file
 * named after the report inside it; anything else is the file itself.
 */
export function resolveDestination(out: string, defaultName: string, cwd: string): Destination {
  if (out === '-') return { kind: 'stdout' };
  const full = resolve(cwd, out);
  if (/[\\/]$/.test(out) || out === '.' || out === '..' || isDirectory(full)) {
    return { kind: 'file', path: join(full, defaultName) };
  }
  return { kind: 'file', path: full };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `conversation-2026-11-21_2026-11-28.csv` for whole days (the end is exclusive, like the API's
 * `endTime`), `conversation-2026-11-27T0900_2026-11-28T0900.csv` otherwise; wall times in `zone`.
 */
export function exportFileName(
  reportType: string,
  range: { startTime: number; endTime: number; wholeDays: boolean },
  zone: Zone,
  extension: string,
): string {
  const label = (epochMs: number) => {
    const wall = epochToWallTime(epochMs, zone);
    const date = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
    return range.wholeDays ? date : `${date}T${pad(wall.hour)}${pad(wall.minute)}`;
  };
  return `${reportType}-${label(range.startTime)}_${label(range.endTime)}.${extension}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
