import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/errors/usage-error.js';
import { exportFileName, resolveDestination } from '../../../src/cli/output/destination.js';
import { writeExport } from '../../../src/cli/output/write-export.js';
import { chunksOf, streamOf } from '../../client/support/byte-streams.js';

const encoder = new TextEncoder();

function bodyOf(chunks: string[], failAfter?: number): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && index === failAfter) {
        controller.error(new Error('connection reset'));
        return;
      }
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

const signal = new AbortController().signal;
const noProgress = () => {};

/** Streams `body`, an export produced as `format`, to stdout as ndjson: the text and the counts. */
async function ndjsonOf(body: ReadableStream<Uint8Array>, format: 'csv' | 'json') {
  const out = collect();
  const written = await writeExport(
    { body, format },
    'ndjson',
    { kind: 'stdout' },
    out.stream,
    signal,
    noProgress,
  );
  return { text: out.text(), written };
}

describe('writeExport', () => {
  it('writes csv as sent, counting bytes and rows, to a file that appears only at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-export-'));
    const path = join(dir, 'out.csv');
    const seen: number[] = [];
    const written = await writeExport(
      { body: bodyOf(['A,B\n1,', '2\n3,4\n']), format: 'csv', contentLength: 12 },
      'csv',
      { kind: 'file', path },
      process.stdout,
      signal,
      (progress) => seen.push(progress.bytes),
    );
    expect(readFileSync(path, 'utf8')).toBe('A,B\n1,2\n3,4\n');
    expect(written).toEqual({ bytes: 12, rows: 2, totalBytes: 12, path });
    expect(seen).toContain(12);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('rewrites a json export as ndjson while it streams', async () => {
    const { text, written } = await ndjsonOf(
      bodyOf(['[{"A":"1","B":"x\\ny"},', '{"A":"2","B":null}]']),
      'json',
    );
    expect(text).toBe('{"A":"1","B":"x\\ny"}\n{"A":"2","B":null}\n');
    expect(written.rows).toBe(2);
    expect(written.path).toBeUndefined();
  });

  it('rewrites a csv export as ndjson', async () => {
    const { text, written } = await ndjsonOf(bodyOf(['A,B\n1,"a,b"\n']), 'csv');
    expect(text).toBe('{"A":"1","B":"a,b"}\n');
    expect(written.rows).toBe(1);
  });

  it('rewrites csv as ndjson across chunks cut inside quotes, CRLF and multi-byte characters', async () => {
    const csv = '\uFEFFA,B\r\n1,"Ñame, ""q""\r\nnext"\r\n2,✓\r\n';
    const length = encoder.encode(csv).length;
    const cuts = [5, 9, 12, 20, 27, length - 3, length - 1];
    const { text, written } = await ndjsonOf(streamOf(chunksOf(csv, cuts)), 'csv');
    expect(text).toBe('{"A":"1","B":"Ñame, \\"q\\"\\r\\nnext"}\n{"A":"2","B":"✓"}\n');
    expect(written.rows).toBe(2);
  });

  it('leaves no file for a malformed csv converted to ndjson, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-export-'));
    await expect(
      writeExport(
        { body: bodyOf(['A,B\n1,2\n', '3\n']), format: 'csv' },
        'ndjson',
        { kind: 'file', path: join(dir, 'a.ndjson') },
        process.stdout,
        signal,
        noProgress,
      ),
    ).rejects.toThrow(
      'the CSV export is not a table of rows (record 3 has 1 fields, the header has 2); nothing was written',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no file (and an existing one untouched) when the body fails midway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-export-'));
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'previous export\n');
    await expect(
      writeExport(
        { body: bodyOf(['A\n1\n', '2\n'], 1), format: 'csv' },
        'csv',
        { kind: 'file', path },
        process.stdout,
        signal,
        noProgress,
      ),
    ).rejects.toThrow('connection reset');
    expect(readFileSync(path, 'utf8')).toBe('previous export\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('leaves no file when aborted, and no file for invalid json converted to ndjson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-export-'));
    const controller = new AbortController();
    const never = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode('[{"A":"1"},'));
      },
    });
    const pending = writeExport(
      { body: never, format: 'json' },
      'json',
      { kind: 'file', path: join(dir, 'a.json') },
      process.stdout,
      controller.signal,
      () => controller.abort(),
    );
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(
      writeExport(
        { body: bodyOf(['[{"A":']), format: 'json' },
        'ndjson',
        { kind: 'file', path: join(dir, 'b.ndjson') },
        process.stdout,
        signal,
        noProgress,
      ),
    ).rejects.toThrow('not a JSON array of rows');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to relabel a json export as csv', async () => {
    await expect(
      writeExport(
        { body: bodyOf(['[]']), format: 'json' },
        'csv',
        { kind: 'stdout' },
        process.stdout,
        signal,
        noProgress,
      ),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('destination', () => {
  it('- is stdout; a trailing slash or an existing directory gets the default name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dest-'));
    expect(resolveDestination('-', 'x.csv', dir)).toEqual({ kind: 'stdout' });
    expect(resolveDestination('exports/', 'x.csv', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'exports', 'x.csv'),
    });
    expect(resolveDestination('.', 'x.csv', dir)).toEqual({ kind: 'file', path: join(dir, 'x.csv') });
    expect(resolveDestination(dir, 'x.csv', '/')).toEqual({ kind: 'file', path: join(dir, 'x.csv') });
    expect(resolveDestination('week.csv', 'x.csv', dir)).toEqual({
      kind: 'file',
      path: join(dir, 'week.csv'),
    });
    expect(existsSync(join(dir, 'exports'))).toBe(false);
  });

  it('names files after the type and the range, in the zone', () => {
    const days = {
      startTime: Date.parse('2026-11-21T00:00Z'),
      endTime: Date.parse('2026-11-28T00:00Z'),
      wholeDays: true,
    };
    expect(exportFileName('conversation', days, { kind: 'fixed', offsetMs: 0 }, 'csv')).toBe(
      'conversation-2026-11-21_2026-11-28.csv',
    );
    const hours = {
      startTime: Date.parse('2026-11-27T20:54Z'),
      endTime: Date.parse('2026-11-28T20:54Z'),
      wholeDays: false,
    };
    expect(exportFileName('user', hours, { kind: 'iana', id: 'America/Chicago' }, 'ndjson')).toBe(
      'user-2026-11-27T1454_2026-11-28T1454.ndjson',
    );
  });
});
