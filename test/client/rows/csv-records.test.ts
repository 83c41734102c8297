import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatError } from '../../../src/errors/csv-format-error.js';
import { CsvRecords } from '../../../src/rows/csv-records.js';
import { csvRows } from '../../../src/rows/csv-rows.js';
import { chunksOf, collect, streamOf } from '../support/byte-streams.js';

/** csv-parse, a separate implementation, as the oracle: what the rows must be. */
const oracle = (csv: string) => parse(csv, { columns: true, bom: true, skip_empty_lines: true });

// Export-shaped cells, with the characters that trip CSV readers: delimiters, quotes, both line
// breaks, multi-byte and astral characters, and empty cells.
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(
    '',
    ',',
    '"',
    '""',
    '\n',
    '\r\n',
    'a,b',
    'say "hi"',
    'line\nbreak',
    'Ñame ✓',
    '😀',
    ' padded ',
  ),
);
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const table = fc
  .integer({ min: 2, max: 5 })
  .chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), {
        minLength: width,
        maxLength: width,
      }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
      blankAfter: fc.array(fc.nat({ max: 12 }), { maxLength: 3 }),
      cuts: fc.array(fc.nat(), { maxLength: 12 }),
    }),
  )
  .map(({ header, rows, newline, bom, finalNewline, blankAfter, cuts }) => {
    const lines = [header, ...rows].map((fields) => fields.map(quote).join(','));
    // Blank lines between records (never inside one), which both readers skip.
    for (const at of [...new Set(blankAfter)].sort((a, b) => b - a)) {
      if (at < lines.length - 1) lines.splice(at + 1, 0, '');
    }
    const csv = `${bom ? '\uFEFF' : ''}${lines.join(newline)}${finalNewline ? newline : ''}`;
    return { csv, cuts };
  });

describe('CsvRecords', () => {
  it('agrees with csv-parse on any export-shaped CSV, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ csv, cuts }) => {
        expect(await collect(csvRows(streamOf(chunksOf(csv, cuts))))).toEqual(oracle(csv));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a quoted field whole across chunks, line breaks, commas and doubled quotes included', () => {
    const records = new CsvRecords();
    const rows = [
      ...records.push('id,note\r\n1,"a, ""quo'),
      ...records.push('ted"" note\r\nover two'),
      ...records.push(' lines"\r\n2,'),
      ...records.push('plain\r\n'),
      ...records.end(),
    ];
    expect(rows).toEqual([
      { id: '1', note: 'a, "quoted" note\r\nover two lines' },
      { id: '2', note: 'plain' },
    ]);
  });

  it('keeps a __proto__ column as a column', () => {
    const records = new CsvRecords();
    const [row] = [...records.push('__proto__,b\nx,y\n'), ...records.end()];
    expect(Object.keys(row ?? {})).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it.each([
    ['a quoted field never closed', 'a,b\n1,"open\n', /quoted field unterminated/],
    ['a record with too few fields', 'a,b,c\n1,2\n', /record 2 has 2 fields, the header has 3/],
    ['a record with too many fields', 'a,b\n1,2\n3,4,5\n', /record 3 has 3 fields, the header has 2/],
    ['text after a closing quote', 'a,b\n"1"x,2\n', /malformed/],
  ])('rejects %s, as csv-parse does', async (_name, csv, message) => {
    expect(() => oracle(csv)).toThrow();
    const reading = collect(csvRows(streamOf([csv])));
    await expect(reading).rejects.toThrow(CsvFormatError);
    await expect(collect(csvRows(streamOf([csv])))).rejects.toThrow(message);
  });

  it('reads an export without rows, or with nothing at all, as no rows', async () => {
    expect(await collect(csvRows(streamOf(['a,b\n'])))).toEqual([]);
    expect(await collect(csvRows(streamOf([])))).toEqual([]);
  });
});
