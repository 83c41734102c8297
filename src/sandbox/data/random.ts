// Stateless integer hashing: every value the sandbox invents is a pure function of (seed, what it
// describes), so a row is identical however the export is chunked, filtered or re-requested.

/** Finalises a 32-bit integer into a well-mixed 30-bit hash (the "lowbias32" mixer). 30 bits keep
 * the result a small integer for V8, so `%` on it is integer arithmetic, not a slow fmod. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}

/** Hashes two integers (either may exceed 32 bits; the high part is folded in). */
export function hash2(a: number, b: number): number {
  const bHigh = Math.floor(b / 0x100000000);
  return mix32(mix32(a ^ mix32(bHigh + 0x632be5ab)) + (b | 0));
}

/** Hashes a string (FNV-1a) so report types and column names can salt the hashes. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
