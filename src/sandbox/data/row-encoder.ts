// Encodes whole rows. In event exports, stretches of consecutive columns whose values come from the
// row profile (see PROFILES in columns.ts) are encoded once per profile and then copied; the other
// columns (ids, dates) are written value by value. When those per-row values all have a fixed
// width (dates, ids of fixed digit count), each profile gets a whole-row template instead: one
// copy per row, then the per-row values are written into their slots. (Copies are cheap per byte
// but dear per call: one per row instead of one per stretch and separator made the generator
// about 1.5× faster.)
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
  readonly #templateScratch: ByteWriter;
  readonly #profileRow: Row;
  readonly #rowGap: Uint8Array;
  readonly #rowEnd: Uint8Array;
  /** Whether rows after the first are written from per-profile templates. */
  readonly #templated: boolean;
  /** The columns written per row, and their widths (template mode). */
  readonly #slotColumns: Int32Array;
  readonly #slotWidths: Int32Array;
  /** Per profile: row gap, row and row end with the per-row values left blank … */
  readonly #templates: (Uint8Array | undefined)[];
  /** … and where in it each per-row value goes (profile × slot). */
  readonly #slotOffsets: Int32Array;

  constructor(
    private readonly cells: CellWriter,
    private readonly salts: Int32Array,
    private readonly seps: readonly Uint8Array[],
    private readonly cursor: RowCursor,
    dates: ExportZone,
    rowGap: Uint8Array,
    rowEnd: Uint8Array,
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
    this.#templateScratch = new ByteWriter(64 * 1024, dates);
    this.#profileRow = { ...cursor.row };
    this.#rowGap = rowGap;
    this.#rowEnd = rowEnd;
    const slots = parts.filter((part) => part >= 0);
    const narrow = dates.narrowOffsets;
    this.#slotColumns = Int32Array.from(slots);
    this.#slotWidths = Int32Array.from(slots.map((i) => cells.valueWidth(i, narrow)));
    this.#templated = cursor.profiled && this.#slotWidths.every((width) => width >= 0);
    this.#templates = new Array<Uint8Array | undefined>(this.#templated ? PROFILES : 0).fill(undefined);
    this.#slotOffsets = new Int32Array(this.#templated ? PROFILES * slots.length : 0);
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

  /** Writes the row gap, the cursor's current row and the row end. */
  writeNext(out: ByteWriter): void {
    if (!this.#templated) {
      out.bytes(this.#rowGap);
      this.write(out);
      out.bytes(this.#rowEnd);
      return;
    }
    const row = this.cursor.row;
    const key = row.key;
    const profile = key & (PROFILES - 1);
    const template = this.#templates[profile] ?? this.#buildTemplate(profile);
    const start = out.pos;
    out.bytes(template);
    const columns = this.#slotColumns;
    const offsets = this.#slotOffsets;
    const base = profile * columns.length;
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k] as number;
      out.pos = start + (offsets[base + k] as number);
      this.cells.write(i, row, mix32(key ^ (this.salts[i] as number)), out);
    }
    out.pos = start + template.length;
  }

  #buildTemplate(profile: number): Uint8Array {
    const scratch = this.#templateScratch;
    scratch.pos = 0;
    scratch.bytes(this.#rowGap);
    const parts = this.#parts;
    let slot = 0;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] as number;
      if (part >= 0) {
        scratch.bytes(this.seps[part] as Uint8Array);
        this.#slotOffsets[profile * this.#slotColumns.length + slot] = scratch.pos;
        scratch.pos += this.#slotWidths[slot++] as number;
      } else {
        const run = -1 - part;
        const bytes =
          (this.#cache[run] as (Uint8Array | undefined)[])[profile] ?? this.#encodeRun(run, profile);
        scratch.bytes(bytes);
      }
    }
    scratch.bytes(this.#rowEnd);
    const template = new Uint8Array(scratch.buf.subarray(0, scratch.pos));
    this.#templates[profile] = template;
    return template;
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
