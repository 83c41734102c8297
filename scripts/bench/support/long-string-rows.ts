// A json export of rows with long strings (notes of a few hundred bytes with escaped quotes and
// non-ASCII), `targetMb` of it: where a scanner that looks at every byte falls furthest behind one
// that skips string contents with a native search.

export function longStringJson(targetMb: number): { json: Uint8Array; rows: number } {
  const parts: string[] = [];
  let size = 0;
  while (size < targetMb * 1024 * 1024) {
    const row = JSON.stringify({
      CONVERSATION_ID: String(100000 + parts.length),
      NOTE: `${'customer wrote: "the export, it stops" — agent replied ✓ '.repeat(8)}${parts.length}`,
      TRANSCRIPT: 'x'.repeat(200 + (parts.length % 300)),
    });
    parts.push(row);
    size += row.length;
  }
  return { json: new TextEncoder().encode(`[${parts.join(',')}]`), rows: parts.length };
}
