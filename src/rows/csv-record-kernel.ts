// The loop of CsvRecordCounter as one WebAssembly function that counts the records of a whole
// chunk, 64 bytes at a time, with no branch per byte: SIMD compares turn a block into 64-bit masks
// of its newlines (and, where the block has any, its quotes and carriage returns). A prefix XOR of
// the quote mask marks the bytes inside quoted fields; the newlines outside them end lines; one
// addition finds the blank lines (below); popcounts count the rest. A block without quotes or
// carriage returns, starting outside quotes (most blocks of most exports), needs only its newline
// mask. About 5× the same loop in JavaScript, and faster than one `Buffer#indexOf` per newline
// (`npm run bench -- csv-count`). The module is assembled from its instructions
// (wasm-encoding.ts). Where WebAssembly SIMD is not available (an old or `--jitless` runtime),
// `recordKernel()` is undefined and the counter runs csv-record-scan.ts, that JavaScript loop.
//
// Blank lines (nothing but `\r` before the newline) are not records. Adding a 1 just past each
// line end to the block's mask of `\r`s carries through the `\r`s that follow and stops on the
// first other byte: where that byte is itself a line end, the line was blank. (It cannot be a
// newline inside quotes: a quote would have come first.) A carry out of the block means the line
// still has no content.

import {
  BLOCK,
  BR,
  BR_IF,
  bitmask64,
  ELSE,
  EMPTY,
  END,
  FUNC,
  GLOBAL_SET,
  localGet as get,
  HEADER,
  I8X16_EQ,
  I8X16_SPLAT,
  I32,
  I32_ADD,
  I32_AND,
  I32_EQZ,
  I32_GT_U,
  I32_LT_U,
  I32_OR,
  I32_SHL,
  I32_SHR_U,
  I32_SUB,
  I32_WRAP_I64,
  I32_XOR,
  I64,
  I64_ADD,
  I64_AND,
  I64_EXTEND_I32_U,
  I64_LT_U,
  I64_OR,
  I64_POPCNT,
  I64_SHL,
  I64_SHR_S,
  I64_SHR_U,
  I64_SUB,
  I64_XOR,
  IF,
  i32Const as i32,
  i64Const as i64,
  instantiate,
  LOCAL_TEE,
  LOOP,
  loadOnce,
  name,
  section,
  localSet as set,
  uleb,
  V128,
  V128_ANY_TRUE,
  V128_OR,
  v128LoadAt,
} from './wasm-encoding.js';

/** Bits of the state carried from one chunk to the next. */
export const IN_QUOTES = 1;
/** The current line has a byte other than `\r` (it is a record once it ends). */
export const HAS_CONTENT = 2;

export interface RecordKernel {
  /** Lines that end in `chunk` and are records, starting in `state`; {@link state} is then the state after it. */
  count(chunk: Uint8Array, state: number): number;
  readonly state: number;
}

// Parameters and locals of the function.
const LENGTH = 0;
const STATE = 1;
const I = 2; // where the block starts
const RECORDS = 3;
const CONTENT = 4; // 0 or 1
const INQ = 5; // i64: 0, or all ones inside quotes
const N = 6; // i64 masks of the block: newlines
const R = 7; // carriage returns
const INSIDE = 8; // bytes inside quotes
const ENDS = 9; // newlines outside quotes: line ends
const SUM = 10; // R + a 1 past each line end
const VALID = 11; // the last block's bytes that belong to the chunk
const QUOTES = 12; // v128: 16 × "
const LFS = 13; // v128: 16 × \n
const CRS = 14; // v128: 16 × \r
const BYTES = [15, 16, 17, 18]; // v128: the block, in four parts

const PARTS = [0, 1, 2, 3];

/** Pushes the block's 16-byte part `k` compared with the 16 bytes in `splat` (a v128 of 0s and 1s). */
const part = (k: number, splat: number) => [...get(BYTES[k] as number), ...get(splat), ...I8X16_EQ];
/** Loads the block at I into BYTES. */
const loadBlock = PARTS.flatMap((k) => [...get(I), ...v128LoadAt(16 * k), ...set(BYTES[k] as number)]);

/** Pushes the block's 64-bit mask of the bytes equal to those in `splat`. */
const mask = (splat: number) => bitmask64((k) => part(k, splat));

/** `INSIDE ^= INSIDE << by` */
// biome-ignore format: one step
const prefixXorStep = (by: number) => [...get(INSIDE), ...get(INSIDE), ...i64(by), I64_SHL, I64_XOR, ...set(INSIDE)];

/**
 * RECORDS += the lines ENDS ends that have content (the line ends the carry does not reach);
 * CONTENT = whether the next line has content so far.
 */
// biome-ignore format: one line per step
const countEnds = (carriageReturns: boolean) => [
  // The carry starts at bit 0 too when the line began before the block with no content yet.
  ...(carriageReturns ? get(R) : []),
  ...get(ENDS), ...i64(1), I64_SHL, ...get(CONTENT), ...i32(1), I32_XOR, I64_EXTEND_I32_U, I64_OR,
  ...(carriageReturns ? [I64_ADD] : []), ...set(SUM),
  ...get(RECORDS), ...get(ENDS), ...get(SUM), ...i64(-1), I64_XOR, I64_AND, I64_POPCNT, I32_WRAP_I64, I32_ADD, ...set(RECORDS),
  // The next line has content unless the carry ran out of the block (nothing but \r after the last
  // line end) or a line ends on the block's last byte.
  ...(carriageReturns ? [...get(SUM), ...get(R), I64_LT_U] : []),
  ...get(ENDS), ...i64(63), I64_SHR_U, I32_WRAP_I64,
  ...(carriageReturns ? [I32_OR] : []), I32_EQZ, ...set(CONTENT),
];

/**
 * Counts the block at I, quotes and carriage returns included, without a branch per byte. In the
 * chunk's last block (`last`), the bytes past its end are taken as `\r`s, which neither end a line
 * nor give it content.
 */
// biome-ignore format: one line per step
const countBlock = (last: boolean) => [
  ...mask(QUOTES), ...(last ? [...get(VALID), I64_AND] : []), ...set(INSIDE), // the quotes, until their prefix XOR
  ...mask(LFS), ...(last ? [...get(VALID), I64_AND] : []), ...set(N),
  ...mask(CRS), ...(last ? [...get(VALID), ...i64(-1), I64_XOR, I64_OR] : []), ...set(R),
  ...[1, 2, 4, 8, 16, 32].flatMap(prefixXorStep),
  ...get(INSIDE), ...get(INQ), I64_XOR, LOCAL_TEE, INSIDE, ...i64(63), I64_SHR_S, ...set(INQ),
  ...get(N), ...get(INSIDE), ...i64(-1), I64_XOR, I64_AND, ...set(ENDS),
  ...countEnds(true),
];

/** Counts the block at I when it holds no quotes and starts outside them: its newlines end lines. */
const countUnquotedBlock = (carriageReturns: boolean) => [
  ...mask(LFS),
  ...set(ENDS),
  ...(carriageReturns ? [...mask(CRS), ...set(R)] : []),
  ...countEnds(carriageReturns),
];

/** The module's bytes, assembled when the kernel is first asked for. */
function assemble(): Uint8Array {
  // biome-ignore format: one line per step of the loop
  const body = [
    ...i64(0), ...get(STATE), ...i32(IN_QUOTES), I32_AND, I64_EXTEND_I32_U, I64_SUB, ...set(INQ),
    ...get(STATE), ...i32(1), I32_SHR_U, ...i32(1), I32_AND, ...set(CONTENT),
    ...i32(0x22), ...I8X16_SPLAT, ...set(QUOTES),
    ...i32(0x0a), ...I8X16_SPLAT, ...set(LFS),
    ...i32(0x0d), ...I8X16_SPLAT, ...set(CRS),
    BLOCK, EMPTY, // exit
    LOOP, EMPTY, // next: 0 next, 1 exit
    ...get(I), ...i32(64), I32_ADD, ...get(LENGTH), I32_GT_U, BR_IF, 1,
    ...loadBlock,
    ...PARTS.flatMap((k) => [...part(k, QUOTES), ...part(k, CRS), ...V128_OR, ...(k > 0 ? V128_OR : [])]),
    ...V128_ANY_TRUE, ...get(INQ), I32_WRAP_I64, I32_OR, IF, EMPTY, // quotes or \r in the block, or inside quotes
    ...PARTS.flatMap((k) => [...part(k, QUOTES), ...(k > 0 ? V128_OR : [])]),
    ...V128_ANY_TRUE, ...get(INQ), I32_WRAP_I64, I32_OR,
    IF, EMPTY, ...countBlock(false), ELSE, ...countUnquotedBlock(true), END,
    ELSE, ...countUnquotedBlock(false), END,
    ...get(I), ...i32(64), I32_ADD, ...set(I),
    BR, 0,
    END, // next
    END, // exit: fewer than 64 bytes are left
    ...get(I), ...get(LENGTH), I32_LT_U, IF, EMPTY,
    ...loadBlock,
    ...i64(1), ...get(LENGTH), ...get(I), I32_SUB, I64_EXTEND_I32_U, I64_SHL, ...i64(1), I64_SUB, ...set(VALID),
    ...countBlock(true),
    END,
    ...get(INQ), I32_WRAP_I64, ...i32(IN_QUOTES), I32_AND, ...get(CONTENT), ...i32(1), I32_SHL, I32_OR, GLOBAL_SET, 0,
    ...get(RECORDS),
    END,
  ];

  const locals = [3, 3, I32, 7, I64, 7, V128]; // I…CONTENT, INQ…VALID, QUOTES…BYTES[3]
  const func = [...locals, ...body];

  // biome-ignore format: one line per section
  return new Uint8Array([
    ...HEADER,
    ...section(1, [1, FUNC, 2, I32, I32, 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, MEMORY_PAGES]),
    ...section(6, [1, I32, 1, ...i32(0), END]),
    ...section(7, [
      3,
      ...name('count'), 0, 0,
      ...name('memory'), 2, 0,
      ...name('state'), 3, 0,
    ]),
    ...section(10, [1, ...uleb(func.length), ...func]),
  ]);
}

/** Bytes counted per call: a chunk is copied into the module's memory this much at a time. */
const WINDOW = 65536;
/** The window and the 64 bytes the chunk's last block may read past it. */
const MEMORY_PAGES = 2;

/** What the module exports. */
interface KernelExports {
  count(length: number, state: number): number;
  memory: { readonly buffer: ArrayBuffer };
  state: { readonly value: number };
}

function load(): RecordKernel | undefined {
  const exports = instantiate<KernelExports>(assemble());
  if (!exports) return undefined;
  const { memory, state, count } = exports;
  const view = new Uint8Array(memory.buffer);
  let after = 0;
  return {
    count(chunk, before) {
      let records = 0;
      after = before;
      for (let at = 0; at < chunk.length; at += WINDOW) {
        const part = chunk.subarray(at, at + WINDOW);
        view.set(part);
        records += count(part.length, after);
        after = state.value;
      }
      return records;
    },
    get state() {
      return after;
    },
  };
}

/** The kernel, compiled when first asked for (code never counting csv does not pay for it). */
export const recordKernel = loadOnce(load);
