import { describe, expect, it } from 'vitest';
import { breaks, mayImport, partOf, publicEntries } from './layers.js';
import { type Import, shippedImports } from './support/import-graph.js';

// The rules themselves are in ./layers.ts, in one table.

describe('layering (the rules above)', () => {
  const imports = shippedImports().filter((imp) => imp.to !== undefined);
  const entries = publicEntries();

  it('every part of the shipped code has a rule', () => {
    const parts = new Set(imports.flatMap((imp) => [partOf(imp.from), partOf(imp.to ?? '')]));
    expect([...parts].filter((part) => !(part in mayImport))).toEqual([]);
  });

  it('every import follows the rules', () => {
    const broken = imports.filter((imp) => breaks(imp, entries)).map((imp) => `${imp.from} → ${imp.to}`);
    expect(broken).toEqual([]);
  });

  it('the check catches a CLI import of internal code, of a public non-entry module, and internal imports from outside the client', () => {
    const imp = (from: string, to: string): Import => ({ from, to, specifier: '', typeOnly: false });
    expect(breaks(imp('src/cli/x.ts', 'src/internal/rows/y.ts'), entries)).toBe(true);
    expect(breaks(imp('src/cli/x.ts', 'src/rows/csv-records.ts'), entries)).toBe(true);
    expect(breaks(imp('src/sandbox/x.ts', 'src/cli/main.ts'), entries)).toBe(true);
    expect(breaks(imp('src/errors/x.ts', 'src/internal/job/y.ts'), entries)).toBe(true);
    expect(breaks(imp('src/cli/x.ts', 'src/rows/index.ts'), entries)).toBe(false);
    expect(breaks(imp('src/cli/x.ts', 'src/sandbox/index.ts'), entries)).toBe(false);
  });

  it('every package entry is a module of a public part, never of src/internal', () => {
    for (const entry of entries) {
      expect(partOf(entry)).not.toBe('src/internal');
      expect(entry === 'src/index.ts' || entry.endsWith('/index.ts')).toBe(true);
    }
  });

  it('src/types holds types only: every import and re-export there is erased at compile time', () => {
    const values = imports.filter((imp) => partOf(imp.from) === 'src/types' && !imp.typeOnly);
    expect(values.map((imp) => `${imp.from} → ${imp.specifier}`)).toEqual([]);
    const typesImportsOf = shippedImports().filter((imp) => partOf(imp.from) === 'src/types');
    expect(typesImportsOf.filter((imp) => !imp.typeOnly)).toEqual([]);
  });
});
