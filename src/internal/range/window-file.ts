// One window's export, streamed into its file: the service's bytes as they are (csv, json) or
// its rows as ndjson. The file appears under its name only complete and flushed to disk, so a
// manifest that names it can trust it.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { rowsOf } from '../../rows/rows-of.js';
import type { DownloadResult } from '../../types/download-result.js';
import type { RangeFormat } from '../../types/range-export.js';

export interface WrittenWindow {
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

const TEMP = /^\..+\.\d+-[0-9a-f]{8}\.part$/;

/** Temp files a killed run left in `dir` (never a finished file). */
export function removeStaleParts(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (TEMP.test(name)) rmSync(join(dir, name), { force: true });
}

async function* ndjsonLines(download: DownloadResult, count: { rows: number }): AsyncGenerator<string> {
  for await (const row of rowsOf(download)) {
    count.rows++;
    yield `${JSON.stringify(row)}\n`;
  }
}

export async function writeWindowFile(
  download: DownloadResult,
  format: RangeFormat,
  path: string,
  signal?: AbortSignal,
): Promise<WrittenWindow> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.part`,
  );
  const hash = createHash('sha256');
  const count = { rows: 0, bytes: 0 };
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      count.bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const source =
    format === 'ndjson'
      ? Readable.from(ndjsonLines(download, count))
      : Readable.fromWeb(download.body as WebReadableStream<Uint8Array>);
  try {
    await pipeline(source, measure, createWriteStream(temp, { flags: 'wx' }), { signal });
    if (format !== 'ndjson') count.rows = await countRows(temp, download.format);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return { rows: count.rows, bytes: count.bytes, sha256: hash.digest('hex') };
}

/** Rows of a finished csv or json file, read back with the client's own row parsers. */
export async function countRows(path: string, format: 'csv' | 'json'): Promise<number> {
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  let rows = 0;
  for await (const _row of rowsOf({ body, format })) rows++;
  return rows;
}

/** SHA-256 and length of a file, to check that a window kept from an earlier run is intact. */
export async function fileDigest(path: string): Promise<{ bytes: number; sha256: string } | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch {
    return undefined;
  }
  return { bytes, sha256: hash.digest('hex') };
}
