// The WebAssembly kernel of the json framing (JsonArrayFramer): `frame` frames a run of a chunk's
// elements in one call (json-frame-code.ts: 64 bytes per step inside objects and arrays), and
// `scan` is its byte loop for string elements and a chunk's last bytes, which skips string
// contents 16 bytes at a time with SIMD compares. Both are several times faster than a JavaScript
// loop, even one that calls `Buffer#indexOf` per string (`npm run bench -- rows`). The module is
// assembled below from its instructions (wasm-encoding.ts). Where WebAssembly SIMD is not
// available (an old or `--jitless` runtime), `valueKernel()` is undefined and the framer scans in
// JavaScript.

import { frameCode, G_COUNT, G_DEPTH, G_FLAGS, G_START, G_STATE, MAX_RECORDS } from './json-frame-code.js';
import {
  addToLocal as add,
  BLOCK,
  BR,
  BR_IF,
  EMPTY,
  END,
  FUNC,
  GLOBAL_SET,
  localGet as get,
  HEADER,
  I8X16_BITMASK,
  I8X16_EQ,
  I8X16_SPLAT,
  I32,
  I32_ADD,
  I32_AND,
  I32_CTZ,
  I32_EQ,
  I32_EQZ,
  I32_GE_U,
  I32_GT_U,
  I32_LOAD8_U,
  I32_OR,
  I32_SHL,
  I32_SHR_U,
  I32_SUB,
  IF,
  i32Const as i32,
  instantiate,
  LOCAL_TEE,
  LOOP,
  loadOnce,
  name,
  RETURN,
  section,
  localSet as set,
  uleb,
  V128,
  V128_LOAD,
  V128_OR,
} from './wasm-encoding.js';

/** Flag bits of the state carried from one chunk to the next. */
export const IN_STRING = 1;
export const ESCAPED = 2;
export const MULTILINE = 4;

export interface ValueKernel {
  /**
   * Scans the element from `from` in `chunk`, starting at nesting `depth` with `flags`. If the
   * element ends in the chunk: (index just past it) × 2, + 1 if it spans lines. Otherwise -1, and
   * {@link depth} and {@link flags} hold the state at the chunk's end. The byte loop alone, which
   * {@link frame} runs for string elements and a chunk's last bytes.
   */
  scan(chunk: Uint8Array, from: number, depth: number, flags: number): number;
  /**
   * Frames `chunk` from `from` in the framing `state` (json-frame-code.ts) with the element state
   * (`depth`, `flags`, where the current element started) until JavaScript must look at a byte, or
   * {@link records} is full, or the chunk ends: returns where it stopped, and {@link state},
   * {@link depth}, {@link flags}, {@link start} and {@link count} hold the state there. Without
   * `lines`, for counting, the records' multiline flags are not to be relied on.
   */
  frame(
    chunk: Uint8Array,
    from: number,
    state: number,
    depth: number,
    flags: number,
    start: number,
    lines: boolean,
  ): number;
  /** Makes the next call copy its chunk again: a reader may be handed one buffer refilled. */
  forget(): void;
  readonly depth: number;
  readonly flags: number;
  readonly state: number;
  readonly start: number;
  /** Elements the last frame call completed, recorded in {@link records}. */
  readonly count: number;
  /** Per element of the last frame call: its start, then its end × 2 (+ 1 if it spans lines). */
  readonly records: Int32Array;
}

// Parameters and locals of the function.
const I = 0; // where the scan is
const LENGTH = 1;
const DEPTH = 2;
const FLAGS = 3;
const BYTE = 4;
const MASK = 5;
const IN_STR = 6;
const ESC = 7;
const LINES = 8;
const QUOTES = 9; // v128: 16 × "
const BACKSLASHES = 10; // v128: 16 × \
const BLOCK16 = 11; // v128: the 16 bytes looked at

/** Pushes `byte === a` (or `byte === a || byte === a ^ 0x20` with `either`: `{[` and `}]`). */
const isByte = (a: number, either = false) =>
  either ? [...get(BYTE), ...i32(0x20), I32_OR, ...i32(a | 0x20), I32_EQ] : [...get(BYTE), ...i32(a), I32_EQ];
/** Reads the byte at I into BYTE and moves I past it. */
const nextByte = [...get(I), ...I32_LOAD8_U, ...set(BYTE), ...add(I, 1)];
/** Returns (I × 2) | LINES: the element ends here. */
const elementEnd = [...get(I), ...i32(1), I32_SHL, ...get(LINES), I32_OR, RETURN];

/** The module's bytes, assembled when the kernel is first asked for. */
function assemble(): Uint8Array {
  // Branch labels count the enclosing blocks from the innermost (0) outwards; each comment lists them.
  // biome-ignore format: one line per step of the loop
  const body = [
    ...get(FLAGS), ...i32(IN_STRING), I32_AND, ...set(IN_STR), // IN_STR, ESC and LINES are 0 or 1
    ...get(FLAGS), ...i32(1), I32_SHR_U, ...i32(1), I32_AND, ...set(ESC),
    ...get(FLAGS), ...i32(2), I32_SHR_U, ...i32(1), I32_AND, ...set(LINES),
    ...i32(0x22), ...I8X16_SPLAT, ...set(QUOTES),
    ...i32(0x5c), ...I8X16_SPLAT, ...set(BACKSLASHES),
    BLOCK, EMPTY, // exit
    LOOP, EMPTY, // next: 0 next, 1 exit
    ...get(I), ...get(LENGTH), I32_GE_U, BR_IF, 1,
    ...get(IN_STR), IF, EMPTY, // 0 if, 1 next, 2 exit
    ...get(ESC), IF, EMPTY, // the byte after a backslash: 0 if, 1 if, 2 next
    ...i32(0), ...set(ESC), ...add(I, 1), BR, 2,
    END,
    BLOCK, EMPTY, // found: 0 found, 1 if, 2 next
    LOOP, EMPTY, // skip 16 bytes at a time while none is " or \: 0 skip, 1 found
    ...get(I), ...i32(16), I32_ADD, ...get(LENGTH), I32_GT_U, BR_IF, 1,
    ...get(I), ...V128_LOAD, LOCAL_TEE, BLOCK16, ...get(QUOTES), ...I8X16_EQ,
    ...get(BLOCK16), ...get(BACKSLASHES), ...I8X16_EQ, ...V128_OR, ...I8X16_BITMASK,
    LOCAL_TEE, MASK, I32_EQZ, IF, EMPTY, // 0 if, 1 skip
    ...add(I, 16), BR, 1,
    END,
    ...get(I), ...get(MASK), I32_CTZ, I32_ADD, ...set(I),
    END, // skip
    END, // found: I is at a " or \, or fewer than 16 bytes are left
    ...get(I), ...get(LENGTH), I32_GE_U, BR_IF, 2, // 0 if, 1 next, 2 exit
    ...nextByte,
    ...isByte(0x22), IF, EMPTY, // 0 if, 1 if, 2 next
    ...i32(0), ...set(IN_STR),
    ...get(DEPTH), I32_EQZ, IF, EMPTY, ...elementEnd, END, // a string element
    BR, 2,
    END,
    ...isByte(0x5c), ...set(ESC),
    BR, 1,
    END, // in a string
    ...nextByte,
    ...isByte(0x22), IF, EMPTY, ...i32(1), ...set(IN_STR), BR, 1, END, // 0 if, 1 next
    ...isByte(0x7b, true), IF, EMPTY, ...add(DEPTH, 1), BR, 1, END,
    ...isByte(0x7d, true), IF, EMPTY,
    ...get(DEPTH), ...i32(1), I32_SUB, LOCAL_TEE, DEPTH, I32_EQZ, IF, EMPTY, ...elementEnd, END,
    BR, 1,
    END,
    ...isByte(0x0a), ...isByte(0x0d), I32_OR, IF, EMPTY, ...i32(1), ...set(LINES), END,
    BR, 0,
    END, // next
    END, // exit: the chunk ended inside the element
    ...get(DEPTH), GLOBAL_SET, 0,
    ...get(IN_STR), ...get(ESC), ...i32(1), I32_SHL, I32_OR, ...get(LINES), ...i32(2), I32_SHL, I32_OR, GLOBAL_SET, 1,
    ...i32(-1),
    END,
  ];

  const locals = [2, 5, I32, 3, V128]; // BYTE…LINES, then QUOTES…BLOCK16
  const scanFunc = [...locals, ...body];
  const frameFunc = frameCode(0, true);
  const countFunc = frameCode(0, false);
  const mutableI32 = [I32, 1, ...i32(0), END];

  // biome-ignore format: one line per section
  return new Uint8Array([
    ...HEADER,
    ...section(1, [
      2,
      FUNC, 4, I32, I32, I32, I32, 1, I32, // scan
      FUNC, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32, // frame
    ]),
    ...section(3, [3, 0, 1, 1]),
    ...section(5, [1, 0, 2]), // 2 pages (128 KiB) to start
    ...section(6, [5, ...mutableI32, ...mutableI32, ...mutableI32, ...mutableI32, ...mutableI32]),
    ...section(7, [
      9,
      ...name('scan'), 0, 0,
      ...name('frame'), 0, 1,
      ...name('frameCounting'), 0, 2,
      ...name('memory'), 2, 0,
      ...name('depth'), 3, G_DEPTH,
      ...name('flags'), 3, G_FLAGS,
      ...name('state'), 3, G_STATE,
      ...name('start'), 3, G_START,
      ...name('count'), 3, G_COUNT,
    ]),
    ...section(10, [
      3,
      ...uleb(scanFunc.length), ...scanFunc,
      ...uleb(frameFunc.length), ...frameFunc,
      ...uleb(countFunc.length), ...countFunc,
    ]),
  ]);
}

const PAGE = 65536;

/** The two framing functions: one records elements, the other only counts them. */
type FrameFunction = (
  from: number,
  length: number,
  state: number,
  depth: number,
  flags: number,
  start: number,
  records: number,
) => number;

/** What the module exports. */
interface KernelExports {
  scan(from: number, length: number, depth: number, flags: number): number;
  frame: FrameFunction;
  frameCounting: FrameFunction;
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  depth: { readonly value: number };
  flags: { readonly value: number };
  state: { readonly value: number };
  start: { readonly value: number };
  count: { readonly value: number };
}

function load(): ValueKernel | undefined {
  const exports = instantiate<KernelExports>(assemble());
  if (!exports) return undefined;
  const { memory, depth, flags, state, start, count, scan, frame, frameCounting } = exports;
  // The memory holds the chunk at 0, then the record table.
  let view = new Uint8Array(memory.buffer);
  let recordsAt = 0;
  let records = new Int32Array(memory.buffer, 0, 2 * MAX_RECORDS);
  // The chunk in the kernel's memory. Checked on every call, not loaded once per push: a handler
  // may push another reader's chunk while this one's is being scanned.
  let loaded: Uint8Array | undefined;
  const use = (chunk: Uint8Array) => {
    if (chunk === loaded) return;
    const at = (chunk.length + 7) & ~7;
    const needed = at + 8 * MAX_RECORDS;
    if (needed > view.length) {
      memory.grow(Math.ceil((needed - view.length) / PAGE));
      view = new Uint8Array(memory.buffer);
      recordsAt = -1;
    }
    if (at !== recordsAt) {
      records = new Int32Array(memory.buffer, at, 2 * MAX_RECORDS);
      recordsAt = at;
    }
    view.set(chunk);
    loaded = chunk;
  };
  return {
    scan(chunk, from, depthNow, flagsNow) {
      use(chunk);
      return scan(from, chunk.length, depthNow, flagsNow);
    },
    frame(chunk, from, stateNow, depthNow, flagsNow, startNow, lines) {
      use(chunk);
      return (lines ? frame : frameCounting)(
        from,
        chunk.length,
        stateNow,
        depthNow,
        flagsNow,
        startNow,
        recordsAt,
      );
    },
    forget() {
      loaded = undefined;
    },
    get depth() {
      return depth.value;
    },
    get flags() {
      return flags.value;
    },
    get state() {
      return state.value;
    },
    get start() {
      return start.value;
    },
    get count() {
      return count.value;
    },
    get records() {
      return records;
    },
  };
}

/** The kernel, compiled when first asked for (a millisecond or two that code never reading json does not pay). */
export const valueKernel = loadOnce(load);
