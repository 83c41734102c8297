// Executes the cell plans of one export: one method with one switch keeps the row loop's calls
// monomorphic; operands sit in flat typed arrays.
import { type Cell, type CustomCell, Op, type Row } from './columns.js';
import type { ByteWriter } from './writer.js';

const HOUR = 3_600_000;
const NO_POOL: readonly Uint8Array[] = [];
const NO_WRITE: CustomCell = () => {};
/** `YYYY-MM-DDTHH:MM:SS±HH:MM` */
const DATE_BYTES = 25;
const digits = (n: number): number => String(n).length;

export class CellWriter {
  readonly width: number;
  readonly #ops: Int32Array;
  readonly #a: Float64Array;
  readonly #b: Float64Array;
  readonly #pools: (readonly Uint8Array[])[];
  readonly #custom: CustomCell[];

  constructor(cells: readonly Cell[]) {
    this.width = cells.length;
    this.#ops = Int32Array.from(cells.map((c) => c.op));
    this.#a = Float64Array.from(cells.map((c) => c.a ?? 0));
    this.#b = Float64Array.from(cells.map((c) => c.b ?? 0));
    this.#pools = cells.map((c) => c.pool ?? NO_POOL);
    this.#custom = cells.map((c) => c.write ?? NO_WRITE);
  }

  op(i: number): Op {
    return this.#ops[i] as Op;
  }

  /** The byte length every value of cell `i` has, or -1 when it varies. (Dates are 25 bytes while
   * the zone's offsets are below 100 hours: `datesFixed`.) */
  valueWidth(i: number, datesFixed: boolean): number {
    const a = this.#a[i] as number;
    const b = this.#b[i] as number;
    switch (this.#ops[i]) {
      case Op.date:
      case Op.endDate:
        return datesFixed ? DATE_BYTES : -1;
      case Op.uint:
      case Op.id:
      case Op.keyId: {
        const low = digits(a);
        return Number.isInteger(a) && Number.isInteger(b) && b > 0 && a >= 0 && digits(a + b - 1) === low
          ? low
          : -1;
      }
      default:
        return -1;
    }
  }

  /** Writes cell `i` of `row`, whose own hash is `h`. */
  write(i: number, row: Row, h: number, out: ByteWriter): void {
    switch (this.#ops[i]) {
      case Op.pick: {
        const pool = this.#pools[i] as readonly Uint8Array[];
        out.bytes(pool[h % pool.length] as Uint8Array);
        return;
      }
      case Op.uint:
      case Op.id:
        out.uint((this.#a[i] as number) + (h % (this.#b[i] as number)));
        return;
      case Op.date: {
        const span = this.#b[i] as number;
        out.date(row.time + (this.#a[i] as number) + (span > 0 ? h % span : 0));
        return;
      }
      case Op.endDate:
        out.date(row.end);
        return;
      case Op.keyId:
        out.uint((this.#a[i] as number) + (row.key % (this.#b[i] as number)));
        return;
      case Op.priority:
        out.uint(row.priority);
        return;
      case Op.workqueueId:
        out.uint(row.workqueueId);
        return;
      case Op.workqueuePick: {
        const pool = this.#pools[i] as readonly Uint8Array[];
        out.bytes(pool[row.workqueueId % pool.length] as Uint8Array);
        return;
      }
      case Op.agentPick:
        out.bytes((this.#pools[i] as readonly Uint8Array[])[row.agent.index] as Uint8Array);
        return;
      case Op.agentId:
        out.uint(row.agent.agentId);
        return;
      case Op.teamId:
        out.uint(row.agent.team.teamId);
        return;
      case Op.count:
        out.uint(((row.end - row.time) / HOUR) * (this.#a[i] as number) * ((h % 100) / 100));
        return;
      case Op.custom:
        (this.#custom[i] as CustomCell)(row, h, out);
        return;
      default:
        return;
    }
  }
}
