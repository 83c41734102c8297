import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rowFactory } from '../../../src/rows/row-factory.js';

/** The row as plain assignment semantics define it: own data properties, later duplicates win. */
function expected(header: readonly string[], fields: readonly string[]): [string, string][] {
  const row = new Map<string, string>();
  header.forEach((name, i) => {
    row.set(name, fields[i] as string);
  });
  // Integer-like names come first, in ascending order, as in every JavaScript object.
  const index = (name: string) => /^(0|[1-9]\d*)$/.test(name) && Number(name) < 2 ** 32 - 1;
  const keys = [...row.keys()];
  const ordered = [
    ...keys.filter(index).sort((a, b) => Number(a) - Number(b)),
    ...keys.filter((k) => !index(k)),
  ];
  return ordered.map((k) => [k, row.get(k) as string]);
}

const hostile = [
  'id',
  '"',
  '\\',
  '"}); throw new Error("injected"); ({"',
  '\u2028line\u2029separators',
  'constructor',
  'toString',
  '7',
  '',
  'a\nb',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a column name that looks like a placeholder
  '${x}',
  '\ud800',
];

describe('rowFactory', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keys each field by its column, whatever characters the names hold', () => {
    const fields = hostile.map((_, i) => `v${i}`);
    const row = rowFactory(hostile)(fields);
    expect(Object.entries(row)).toEqual(expected(hostile, fields));
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('compiles those names into one literal rather than falling back', () => {
    const real = Function;
    const compile = vi.fn(function compile(...args: string[]) {
      return real(...args);
    });
    vi.stubGlobal('Function', compile);
    const row = rowFactory(hostile)(hostile.map((_, i) => `v${i}`));
    expect(compile).toHaveBeenCalledTimes(1);
    expect(compile).toHaveReturned();
    expect(row['"}); throw new Error("injected"); ({"']).toBe('v3');
  });

  it('gives each call a new row', () => {
    const make = rowFactory(['a', 'b']);
    const first = make(['1', '2']);
    const second = make(['3', '4']);
    expect(first).toEqual({ a: '1', b: '2' });
    expect(second).toEqual({ a: '3', b: '4' });
    expect(first).not.toBe(second);
  });

  it('keeps a __proto__ column as a column, not as the prototype', () => {
    const row = rowFactory(['__proto__', 'b'])(['x', 'y']);
    expect(Object.keys(row)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
  });

  it('a later column of the same name wins, as assignment would have it', () => {
    expect(rowFactory(['a', 'b', 'a'])(['1', '2', '3'])).toEqual({ a: '3', b: '2' });
  });

  it('makes the same rows where code generation from strings is forbidden', () => {
    const forbidden = vi.fn(function forbid() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    vi.stubGlobal('Function', forbidden);
    const fields = hostile.map((_, i) => `v${i}`);
    const row = rowFactory(hostile)(fields);
    expect(forbidden).toHaveBeenCalledTimes(1);
    expect(Object.entries(row)).toEqual(expected(hostile, fields));
  });

  it('matches assignment for any header, duplicates and __proto__ included', () => {
    const name = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('__proto__', 'constructor', '0', '12'),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), (header) => {
        const fields = header.map((_, i) => `f${i}`);
        const row = rowFactory(header)(fields);
        expect(Object.entries(row)).toEqual(expected(header, fields));
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });
});
