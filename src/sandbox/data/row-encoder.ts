// Encodes whole rows. In event exports, stretches of consecutive columns whose values come from the
// row profile (see PROFILES in columns.ts) are encoded once per profile and then copied; the other
// columns (ids, dates) are written value by value.
import type { CellWriter } from './cell-writer.js';
import { cellHash, PROFILES, profileOps, type Row } from './columns.js';
import type { ExportZone } from './dates.js';
import { mix32 } from './random.js';
import type { RowCursor } from './rows.js';
import { ByteWriter } from './writer.js';

export class RowEncoder {
  /** Per part: a column index (written per row) or -1 - run index (copied from the profile cache). */
  readonly #parts: Int32Array;
  readonly #runs: number[][];
  readonly #cache: (Uint8Array | undefined)[][];
  readonly #scratch: ByteWriter;
  readonly #profileRow: Row;

  constructor(
    private readonly cells: CellWriter,
    private readonly salts: Int32Array,
    private readonly seps: readonly Uint8Array[],
    private readonly cursor: RowCursor,
    dates: ExportZone,
  ) {
    const parts: number[] = [];
    const runs: number[][] = [];
    for (let i = 0; i < cells.width; i++) {
      if (!cursor.profiled || !profileOps.has(cells.op(i))) {
        parts.push(i);
      } else if ((parts.at(-1) ?? 0) < 0 && runs.at(-1)?.at(-1) === i - 1) {
        runs.at(-1)?.push(i);
      } else {
        runs.push([i]);
        parts.push(-runs.length);
      }
    }
    this.#parts = Int32Array.from(parts);
    this.#runs = runs;
    this.#cache = runs.map(() => new Array<Uint8Array | undefined>(PROFILES).fill(undefined));
    this.#scratch = new ByteWriter(64 * 1024, dates);
    this.#profileRow = { ...cursor.row };
  }

  /** Writes the cursor's current row (separators and values, not the row end). */
  write(out: ByteWriter): void {
    const row = this.cursor.row;
    const key = row.key;
    const parts = this.#parts;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] as number;
      if (part >= 0) {
        out.bytes(this.seps[part] as Uint8Array);
        this.cells.write(part, row, mix32(key ^ (this.salts[part] as number)), out);
      } else {
        const run = -1 - part;
        const cache = this.#cache[run] as (Uint8Array | undefined)[];
        const profile = key & (PROFILES - 1);
        out.bytes(cache[profile] ?? this.#encodeRun(run, profile));
      }
    }
  }

  #encodeRun(run: number, profile: number): Uint8Array {
    const row = this.#profileRow;
    this.cursor.fillProfile(row, profile);
    row.key = profile;
    const scratch = this.#scratch;
    scratch.pos = 0;
    for (const i of this.#runs[run] as number[]) {
      scratch.bytes(this.seps[i] as Uint8Array);
      this.cells.write(i, row, cellHash(this.cells.op(i), profile, this.salts[i] as number, true), scratch);
    }
    // A plain Uint8Array (not a Buffer) like every other array the writer copies from.
    const bytes = new Uint8Array(scratch.buf.subarray(0, scratch.pos));
    (this.#cache[run] as (Uint8Array | undefined)[])[profile] = bytes;
    return bytes;
  }
}
