// The windows' files joined into the one output, in window order: one CSV header, one JSON array,
// or ndjson lines. Only byte ranges of the window files are copied (nothing is parsed), and the
// output appears under its name only once complete.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RangeExportError } from '../../errors/range-export-error.js';
import type { RangeFormat } from '../../types/range-export.js';

export interface WindowFile {
  readonly label: string;
  readonly path: string;
}

interface Segment {
  readonly path: string;
  /** Inclusive start, exclusive end. */
  readonly start: number;
  readonly end: number;
  /** Text to write before the segment. */
  readonly before: string;
}

const PEEK = 64 * 1024;

function peek(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function csvSegments(files: readonly WindowFile[]): Segment[] {
  const segments: Segment[] = [];
  let header: { text: string; label: string } | undefined;
  let endsWithNewline = true;
  for (const file of files) {
    const size = statSync(file.path).size;
    if (size === 0) continue;
    const head = peek(file.path, 0, Math.min(size, PEEK));
    const newline = head.indexOf(0x0a);
    const headerEnd = newline < 0 ? size : newline + 1;
    const text = head
      .subarray(0, headerEnd)
      .toString('utf8')
      .replace(/\r?\n$/, '');
    if (header === undefined) {
      header = { text, label: file.label };
      segments.push({ path: file.path, start: 0, end: size, before: '' });
    } else if (text !== header.text) {
      throw new RangeExportError(
        'header-mismatch',
        `windows ${header.label} and ${file.label} have different CSV headers; export them separately (partitioned)`,
        [header.label, file.label],
      );
    } else if (headerEnd < size) {
      segments.push({ path: file.path, start: headerEnd, end: size, before: endsWithNewline ? '' : '\n' });
    } else continue;
    endsWithNewline = peek(file.path, size - 1, 1)[0] === 0x0a;
  }
  return segments;
}

function jsonSegments(files: readonly WindowFile[]): Segment[] {
  const segments: Segment[] = [];
  for (const file of files) {
    const size = statSync(file.path).size;
    const head = peek(file.path, 0, Math.min(size, PEEK)).toString('latin1');
    const open = head.indexOf('[');
    if (open < 0 || /^\s*\]/.test(head.slice(open + 1))) continue; // no rows
    const tailStart = Math.max(0, size - PEEK);
    const close =
      tailStart +
      peek(file.path, tailStart, size - tailStart)
        .toString('latin1')
        .lastIndexOf(']');
    segments.push({
      path: file.path,
      start: open + 1,
      end: close,
      before: segments.length === 0 ? '[' : ',',
    });
  }
  if (segments.length === 0) return [{ path: '', start: 0, end: 0, before: '[]' }];
  const last = segments.pop() as Segment;
  return [...segments, last, { path: '', start: 0, end: 0, before: ']' }];
}

export async function mergeWindowFiles(
  files: readonly WindowFile[],
  format: RangeFormat,
  target: string,
  signal?: AbortSignal,
): Promise<{ bytes: number; sha256: string }> {
  const segments =
    format === 'csv'
      ? csvSegments(files)
      : format === 'json'
        ? jsonSegments(files)
        : files.map((f) => ({ path: f.path, start: 0, end: statSync(f.path).size, before: '' }));
  const hash = createHash('sha256');
  let bytes = 0;
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`,
  );
  const out = createWriteStream(temp, { flags: 'wx' });
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  try {
    for (const segment of segments) {
      if (segment.before) await write(Buffer.from(segment.before));
      if (segment.end <= segment.start) continue;
      const read = createReadStream(segment.path, { start: segment.start, end: segment.end - 1, signal });
      for await (const chunk of read as AsyncIterable<Buffer>) await write(chunk);
    }
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
    renameSync(temp, target);
  } finally {
    out.destroy();
    rmSync(temp, { force: true });
  }
  return { bytes, sha256: hash.digest('hex') };
}
