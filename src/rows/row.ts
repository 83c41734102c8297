/** One exported row: column name → value as text (null where the export has none). */
export type Row = Record<string, string | null>;

/**
 * Export rows are flat objects of strings or nulls (docs/vendor-notes.md §4), returned as parsed;
 * anything else a deployment might emit (numbers, booleans, nested values) is turned into text so the row type
 * stays honest. Rows are built with Object.fromEntries so that a `__proto__` column stays a column.
 */
export function toRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `Expected each element of the export to be an object, got ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  }
  for (const key in value) {
    const cell = (value as Record<string, unknown>)[key];
    if (cell !== null && typeof cell !== 'string') return textRow(value);
  }
  return value as Row;
}

function textRow(value: object): Row {
  return Object.fromEntries(
    Object.entries(value).map(([key, cell]) => [
      key,
      cell === null || cell === undefined
        ? null
        : typeof cell === 'string'
          ? cell
          : typeof cell === 'object'
            ? JSON.stringify(cell)
            : String(cell),
    ]),
  );
}
