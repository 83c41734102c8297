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
import { CsvRecords } from '../../rows/csv-records.js';
import { JsonArrayElements } from '../../rows/json-array-elements.js';
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
  // Rows of csv and json are counted as the bytes pass, by the client's own strict readers: a
  // malformed export fails its window instead of being recorded as done.
  const counter = format === 'ndjson' ? undefined : rowCounter(download.format);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      count.bytes += chunk.length;
      try {
        counter?.push(chunk);
      } catch (error) {
        return callback(error as Error);
      }
      callback(null, chunk);
    },
    flush(callback) {
      try {
        if (counter) count.rows = counter.end();
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
  });
  const source = format === 'ndjson' ? Readable.from(ndjsonLines(download, count)) : download.readable;
  try {
    await pipeline(source, measure, createWriteStream(temp, { flags: 'wx' }), { signal });
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

function rowCounter(format: 'csv' | 'json'): { push(chunk: Uint8Array): void; end(): number } {
  if (format === 'json') {
    const elements = new JsonArrayElements();
    return {
      push: (chunk) => elements.push(chunk),
      end: () => {
        // An empty body is an export without rows, as job.rows() reads it.
        if (elements.started) elements.end();
        return elements.count;
      },
    };
  }
  const decoder = new TextDecoder();
  const records = new CsvRecords();
  let rows = 0;
  return {
    push: (chunk) => {
      rows += records.push(decoder.decode(chunk, { stream: true })).length;
    },
    end: () => rows + records.push(decoder.decode()).length + records.end().length,
  };
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
