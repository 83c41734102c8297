/** One exported row: column name → value as text (null where the export has none). */
export type Row = Record<string, string | null>;

/**
 * Export rows are flat objects of strings (brief §4); anything else a deployment might emit
 * (numbers, booleans, nested values) is turned into text so the row type stays honest.
 */
export function toRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `Expected each element of the export to be an object, got ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  }
  const row: Row = {};
  for (const [key, cell] of Object.entries(value)) {
    row[key] =
      cell === null || cell === undefined
        ? null
        : typeof cell === 'string'
          ? cell
          : typeof cell === 'object'
            ? JSON.stringify(cell)
            : String(cell);
  }
  return row;
}
