import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordCounter } from '../../../src/rows/csv-record-counter.js';
import { CsvRecordCounter as Public } from '../../../src/rows/index.js';

const encoder = new TextEncoder();

/**
 * The rule, one byte at a time: a `"` toggles the quote state (and gives the line content), a
 * newline outside quotes ends a line, which is a record if it had a byte other than `\r`.
 */
function referenceRecords(bytes: Uint8Array): number {
  let inQuotes = false;
  let content = false;
  let records = 0;
  for (const byte of bytes) {
    if (byte === 0x22) {
      inQuotes = !inQuotes;
      content = true;
    } else if (byte === 0x0a && !inQuotes) {
      if (content) records++;
      content = false;
    } else if (byte !== 0x0d) {
      content = true;
    }
  }
  return records + (content ? 1 : 0);
}

/** A counter fed `bytes` in chunks of the given sizes (cycled), every byte exactly once. */
function counted(bytes: Uint8Array, sizes: readonly number[]): CsvRecordCounter {
  const counter = new CsvRecordCounter();
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes.length ? (sizes[k % sizes.length] as number) : bytes.length);
    counter.push(bytes.subarray(at, at + size));
    at += size;
  }
  return counter;
}

/** `text`'s records counted whole, in 1-byte chunks and cut everywhere in two. */
function everySplit(text: string): number[] {
  const bytes = encoder.encode(text);
  const counts = [counted(bytes, []).records, counted(bytes, [1]).records];
  for (let cut = 0; cut <= bytes.length; cut++) {
    const counter = new CsvRecordCounter();
    counter.push(bytes.subarray(0, cut));
    counter.push(bytes.subarray(cut));
    counts.push(counter.records);
  }
  return [...new Set(counts)];
}

const unit = fc.constantFrom('a', 'é', ',', '"', '""', '\n', '\r', '\r\n', ' ', '1', '🙂', 'xxxxxxxx');
// Chunk sizes around the kernel's 64-byte blocks and its 64 KiB window, and 1-byte chunks.
const size = fc.oneof(
  fc.integer({ min: 1, max: 200 }),
  fc.constantFrom(1, 63, 64, 65, 65535, 65536, 65537, 200_000),
);

describe('CsvRecordCounter', () => {
  it('is what khoros-care-analytics/rows exports', () => {
    expect(Public).toBe(CsvRecordCounter);
  });

  it('counts the records of any text as the byte-by-byte rule does, however it is chunked', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), fc.array(size, { maxLength: 8 }), (units, sizes) => {
        const bytes = encoder.encode(units.join(''));
        expect(counted(bytes, sizes).records).toBe(referenceRecords(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('does so on texts longer than 64 KiB, the carried state crossing every kind of cut', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(size, { maxLength: 6 }),
        (units, skew, sizes) => {
          const fragment = units.join('');
          const text = 'x'.repeat(skew) + fragment.repeat(Math.ceil(150_000 / fragment.length));
          const bytes = encoder.encode(text);
          expect(counted(bytes, sizes).records).toBe(referenceRecords(bytes));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees with csv-parse on quoted CSV of CRLF lines and blank lines', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '🙂') });
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(field, field, fc.boolean()), { maxLength: 30 }),
        fc.array(size, { maxLength: 6 }),
        (rows, sizes) => {
          const lines = [
            'H1,H2',
            ...rows.flatMap(([a, b, blank]) => [...(blank ? [''] : []), `${quote(a)},${quote(b)}`]),
          ];
          const text = `${lines.join('\r\n')}\r\n`;
          const parsed = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
          expect(counted(encoder.encode(text), sizes).rows).toBe(parsed.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts lines ending at, and quotes standing at, the edges of 64-byte blocks', () => {
    const line = (length: number) => `${'x'.repeat(length - 1)}\n`;
    expect(everySplit(line(64).repeat(3))).toEqual([3]);
    expect(everySplit(line(63) + line(64) + line(65))).toEqual([3]);
    // `""` at bytes 63 and 64, then a quoted newline in the next block
    expect(everySplit(`${'x'.repeat(63)}""\n${'y'.repeat(62)}"\n"\nz`)).toEqual([3]);
    expect(everySplit(`${'x'.repeat(63)}"${'\n'.repeat(64)}"\n`)).toEqual([1]);
    expect(everySplit(`${'x'.repeat(64)}"a\nb"\n${'y'.repeat(63)}`)).toEqual([2]);
  });

  it('does not count blank lines, of nothing or of carriage returns, whatever the cuts', () => {
    expect(everySplit('\r\n\n\r\r\n\r')).toEqual([0]);
    expect(everySplit(`A,B\r\n${'\r\n'.repeat(40)}1,2\r\n${'\r'.repeat(70)}\n3,4`)).toEqual([3]);
    expect(everySplit(`${'\n'.repeat(63)}a${'\n'.repeat(64)}b${'\r'.repeat(64)}`)).toEqual([2]);
  });

  it('keeps `""` and `\\r\\n` split across chunks', () => {
    expect(everySplit('A\n"say ""hi""\nthere",x\n"\r\n"\r\n\r\n')).toEqual([3]);
    const counter = new CsvRecordCounter();
    for (const piece of ['A\r', '\n"', '"', '"\r', '\n', '"\r', '\n']) counter.push(encoder.encode(piece));
    expect(counter.records).toBe(2);
  });

  it('counts across 64 KiB windows of one large chunk, quotes open over the window edge', () => {
    const head = `${'x'.repeat(65535)}"`; // the quote is the last byte of the first window
    const text = `${head}\n${'y'.repeat(70_000)}"\n${'z\n'.repeat(1000)}`;
    const bytes = encoder.encode(text);
    expect(counted(bytes, []).records).toBe(1001);
    expect(counted(bytes, [65536]).records).toBe(1001);
    expect(counted(bytes, [65537, 1]).records).toBe(1001);
    expect(referenceRecords(bytes)).toBe(1001);
  });

  it('counts an unterminated last line, the header, and rows below it', () => {
    const counter = new CsvRecordCounter();
    expect([counter.records, counter.rows]).toEqual([0, 0]);
    counter.push(encoder.encode('A,B'));
    expect([counter.records, counter.rows]).toEqual([1, 0]);
    counter.push(encoder.encode('\n1,2\n3'));
    expect([counter.records, counter.rows]).toEqual([3, 2]);
    counter.push(new Uint8Array(0));
    expect([counter.records, counter.rows]).toEqual([3, 2]);
  });

  it('keeps counters apart: chunks of one do not move another', () => {
    const a = new CsvRecordCounter();
    const b = new CsvRecordCounter();
    a.push(encoder.encode('A\n"open'));
    b.push(encoder.encode('A\nB\n'));
    a.push(encoder.encode('\n"\nC'));
    b.push(new Uint8Array(0));
    expect([a.records, b.records]).toEqual([3, 2]);
  });
});
