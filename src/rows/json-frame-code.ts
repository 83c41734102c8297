// The WebAssembly code that frames a whole chunk of a JSON array in one call from JavaScript
// (json-value-kernel.ts assembles it into the module beside the element scanner `scan`). It walks
// from element to element itself, through what sits between them (whitespace, a comma, an element
// starting with `{`, `[` or `"`), and records each element it completes; it returns to JavaScript
// only at what JavaScript decides (a scalar element, `]`, any other byte, before the array or after
// it), when its record table is full, or at the chunk's end.
//
// Inside an object or array element it reads 64 bytes per step, simdjson's "stage 1" way: bit masks
// of the quotes, backslashes, brackets and line breaks (i8x16.bitmask), the escaped bytes from the
// runs of backslashes, the bytes inside strings by a prefix XOR of the unescaped quotes, and then
// only the brackets outside strings are visited (ctz). That skips the ~32 quotes of an export row
// without looking at them one by one. Strings as elements, the last 63 bytes of a chunk, and a
// step with a backslash outside a string (not JSON; `scan` frames it as the JavaScript loop does)
// go to `scan`, byte by byte.

import {
  addToLocal as add,
  BLOCK,
  BR,
  BR_IF,
  bitmask64,
  CALL,
  ELSE,
  EMPTY,
  END,
  GLOBAL_GET,
  GLOBAL_SET,
  localGet as get,
  I8X16_EQ,
  I8X16_SPLAT,
  I32,
  I32_ADD,
  I32_AND,
  I32_EQ,
  I32_EQZ,
  I32_GE_U,
  I32_GT_U,
  I32_LE_U,
  I32_LOAD8_U,
  I32_LOAD16_U,
  I32_LT_S,
  I32_OR,
  I32_SHL,
  I32_SHR_U,
  I32_SUB,
  I32_WRAP_I64,
  I64,
  I64_ADD,
  I64_AND,
  I64_CTZ,
  I64_EXTEND_I32_U,
  I64_LT_U,
  I64_NE,
  I64_OR,
  I64_SHL,
  I64_SHR_U,
  I64_SUB,
  I64_XOR,
  IF,
  i32Const as i32,
  i32Store,
  i64Const as i64,
  LOCAL_TEE,
  LOOP,
  localSet as set,
  V128,
  V128_AND,
  V128_OR,
  v128LoadAt,
} from './wasm-encoding.js';

/** Where the framing is: between tokens of the top-level array, or inside one element. */
export const BEFORE_ARRAY = 0;
export const FIRST_ELEMENT = 1; // after `[`: an element or `]`
export const NEXT_ELEMENT = 2; // after `,`: an element
export const AFTER_ELEMENT = 3; // `,` or `]`
export const IN_VALUE = 4; // an object, array or string element
export const IN_SCALAR = 5; // a number, true, false or null element
export const AFTER_ARRAY = 6;

/** Elements one frame call records at most (8 bytes each: start, end × 2 + 1 if multiline). */
export const MAX_RECORDS = 1024;

/** Globals of the module: the state where a call stopped. */
export const G_DEPTH = 0;
export const G_FLAGS = 1;
export const G_STATE = 2;
export const G_START = 3;
export const G_COUNT = 4;

// frame(from, length, state, depth, flags, start, records): its parameters, then its locals.
const I = 0;
const LENGTH = 1;
const STATE = 2;
const DEPTH = 3;
const FLAGS = 4;
const START = 5;
const RECORDS = 6;
const BYTE = 7;
const COUNT = 8;
const IN_STR = 9; // 0 or 1: inside a string
const ESC = 10; // 0 or 1: the byte at I is escaped
const LINES = 11; // 0 or 1: a line break outside strings in this element
const K = 12;
const RESULT = 13;
const ESC_OUT = 14;
const QUOTE_BITS = 15; // i64 masks of the 64 bytes at I
const BACKSLASH_BITS = 16;
const STRUCTURAL_BITS = 17; // brackets and line breaks (and y, Y, _, DEL: skipped when visited)
const STRING_BITS = 19; // the bytes inside strings (an opening quote is, a closing one is not)
const WALK = 20;
const X = 21;
const ESCAPED_BITS = 22;
const V0 = 23; // v128: the 64 bytes, then the splatted bytes compared with
const QUOTES = 27;
const BACKSLASHES = 28;
const SPACES = 29;
const LOW_Y = 30; // 0xf9: ((byte | 0x20) & 0xf9) === 0x79 for {, [, }, ]
const Y = 31;
const LFS = 32;
const CRS = 33;

const splat = (byte: number, local: number) => [...i32(byte), ...I8X16_SPLAT, ...set(local)];
const is = (local: number, value: number) => [...get(local), ...i32(value), I32_EQ];
const isWhitespace = [
  ...is(BYTE, 0x20),
  ...is(BYTE, 0x0a),
  I32_OR,
  ...is(BYTE, 0x0d),
  I32_OR,
  ...is(BYTE, 0x09),
  I32_OR,
];
/** An i64 of the 64 bits that `lane(v)` (an i8x16 compare of the vector in local v) gives. */
const bits64 = (lane: (v: number) => number[]) => bitmask64((k) => lane(V0 + k));
const equal = (splatted: number) => (v: number) => [...get(v), ...get(splatted), ...I8X16_EQ];
/** `{`, `[`, `}`, `]` (and y, Y, _, DEL), and with `lines` a line feed or a carriage return. */
const structural = (lines: boolean) => (v: number) => [
  ...get(v),
  ...get(SPACES),
  ...V128_OR,
  ...get(LOW_Y),
  ...V128_AND,
  ...get(Y),
  ...I8X16_EQ,
  ...(lines ? [...equal(LFS)(v), ...V128_OR, ...equal(CRS)(v), ...V128_OR] : []),
];
const not = (local: number) => [...get(local), ...i64(-1n), I64_XOR];
const EVEN = 0x5555555555555555n;
const ODD = -0x5555555555555556n; // 0xAAAAAAAAAAAAAAAA
/** Stores the element from START to `end` (just past it) in the record table: then AFTER_ELEMENT. */
// biome-ignore format: one line per step
const record = (end: number) => [
  ...get(RECORDS), ...get(COUNT), ...i32(3), I32_SHL, I32_ADD, LOCAL_TEE, K,
  ...get(START), ...i32Store(0),
  ...get(K), ...get(end), ...i32(1), I32_SHL, ...get(LINES), I32_OR, ...i32Store(4),
  ...add(COUNT, 1),
  ...i32(AFTER_ELEMENT), ...set(STATE), ...i32(0), ...set(IN_STR), ...i32(0), ...set(ESC),
];
/** Pushes whether the record table is full. */
const full = [...get(COUNT), ...i32(MAX_RECORDS), I32_EQ];
/** Starts an element at I, at `depth`, inside a string or not. */
const startElement = (depth: number, inString: number) => [
  ...get(I),
  ...set(START),
  ...i32(depth),
  ...set(DEPTH),
  ...i32(inString),
  ...set(IN_STR),
  ...i32(0),
  ...set(ESC),
  ...i32(0),
  ...set(LINES),
  ...i32(IN_VALUE),
  ...set(STATE),
  ...add(I, 1),
];

/**
 * The locals and instructions of frame(); `scan` is the function index of the byte loop. Without
 * `lines` the 64-byte steps do not look for line breaks (a tenth faster), and elements that span
 * lines outside their strings are not flagged as such where a step frames them: for counting.
 */
export function frameCode(scan: number, lines: boolean): number[] {
  // Branch labels count the enclosing blocks from the innermost (0) outwards; comments list them.
  // biome-ignore format: one line per step
  const body = [
    ...get(FLAGS), ...i32(1), I32_AND, ...set(IN_STR),
    ...get(FLAGS), ...i32(1), I32_SHR_U, ...i32(1), I32_AND, ...set(ESC),
    ...get(FLAGS), ...i32(2), I32_SHR_U, ...i32(1), I32_AND, ...set(LINES),
    ...splat(0x22, QUOTES), ...splat(0x5c, BACKSLASHES), ...splat(0x20, SPACES), ...splat(0xf9, LOW_Y),
    ...splat(0x79, Y), ...splat(0x0a, LFS), ...splat(0x0d, CRS),
    BLOCK, EMPTY, // exit
    LOOP, EMPTY, // main: 0 main, 1 exit
    ...get(I), ...get(LENGTH), I32_GE_U, BR_IF, 1,
    ...is(STATE, IN_VALUE), IF, EMPTY, // 0 if, 1 main, 2 exit
    BLOCK, EMPTY, // bytewise: 0 bytewise, 1 if, 2 main, 3 exit
    LOOP, EMPTY, // 64 bytes a step: 0 step, 1 bytewise, 2 if, 3 main, 4 exit
    // Depth 0 inside a string is a string element; depth 0 outside one, an element whose `{` or
    // `[` is still ahead (the walk below went on past the comma after the element before).
    ...get(DEPTH), I32_EQZ, ...get(IN_STR), I32_AND, BR_IF, 1,
    ...get(I), ...i32(64), I32_ADD, ...get(LENGTH), I32_GT_U, BR_IF, 1,
    ...[0, 1, 2, 3].flatMap((j) => [...get(I), ...v128LoadAt(16 * j), ...set(V0 + j)]),
    ...bits64(equal(QUOTES)), ...set(QUOTE_BITS),
    ...bits64(equal(BACKSLASHES)), ...set(BACKSLASH_BITS),
    ...bits64(structural(lines)), ...set(STRUCTURAL_BITS),
    ...i32(0), ...set(ESC_OUT),
    // Escaped bytes: those after an odd run of backslashes (simdjson's find_escaped).
    ...get(BACKSLASH_BITS), ...get(ESC), I64_EXTEND_I32_U, I64_OR, ...i64(0n), I64_NE, IF, EMPTY,
    ...get(BACKSLASH_BITS), ...get(ESC), I64_EXTEND_I32_U, ...i64(-1n), I64_XOR, I64_AND, ...set(X),
    ...get(X), ...i64(1n), I64_SHL, ...get(ESC), I64_EXTEND_I32_U, I64_OR, ...set(ESCAPED_BITS), // follows an escape
    ...get(X), ...i64(ODD), I64_AND, ...not(ESCAPED_BITS), I64_AND, ...set(WALK), // odd runs' starts
    ...get(WALK), ...get(X), I64_ADD, ...set(X),
    ...get(X), ...get(WALK), I64_LT_U, ...set(ESC_OUT), // a run carried past the 64 bytes
    ...i64(EVEN), ...get(X), ...i64(1n), I64_SHL, I64_XOR, ...get(ESCAPED_BITS), I64_AND, ...set(ESCAPED_BITS),
    ...get(QUOTE_BITS), ...not(ESCAPED_BITS), I64_AND, ...set(QUOTE_BITS),
    END,
    ...get(QUOTE_BITS), ...set(X),
    ...[1n, 2n, 4n, 8n, 16n, 32n].flatMap((n) => [...get(X), ...get(X), ...i64(n), I64_SHL, I64_XOR, ...set(X)]),
    ...get(X), ...i64(0n), ...get(IN_STR), I64_EXTEND_I32_U, I64_SUB, I64_XOR, ...set(STRING_BITS),
    ...get(BACKSLASH_BITS), ...not(STRING_BITS), I64_AND, ...i64(0n), I64_NE, BR_IF, 1,
    ...get(ESC_OUT), ...set(ESC),
    ...get(STRUCTURAL_BITS), ...not(STRING_BITS), I64_AND, ...set(WALK),
    BLOCK, EMPTY, // walked: 0 walked, 1 step, 2 bytewise, 3 if, 4 main, 5 exit
    LOOP, EMPTY, // walk: 0 walk, 1 walked, 2 step, 3 bytewise, 4 if, 5 main, 6 exit
    ...get(WALK), ...i64(0n), I64_NE, I32_EQZ, BR_IF, 1,
    ...get(WALK), I64_CTZ, I32_WRAP_I64, ...set(K),
    ...get(I), ...get(K), I32_ADD, ...I32_LOAD8_U, LOCAL_TEE, BYTE, ...i32(0x20), I32_OR, ...i32(0x7b), I32_EQ,
    IF, EMPTY, ...add(DEPTH, 1), // 0 if, 1 walk, 2 walked, 3 step, 4 bytewise, 5 if, 6 main, 7 exit
    ELSE,
    ...get(BYTE), ...i32(0x20), I32_OR, ...i32(0x7d), I32_EQ, IF, EMPTY, // 0 if, 1 else, 2 walk, …, 7 main, 8 exit
    ...get(DEPTH), ...i32(1), I32_SUB, LOCAL_TEE, DEPTH, I32_EQZ, IF, EMPTY, // the element ends: 0 if, …, 8 main, 9 exit
    ...get(I), ...get(K), I32_ADD, ...i32(1), I32_ADD, ...set(RESULT),
    ...record(RESULT),
    ...full, IF, EMPTY, ...get(RESULT), ...set(I), BR, 10, END,
    // `,{` or `,[` right after it: the next element starts there and the walk goes on (its masks
    // hold for the comma too), at depth 0 until it visits that bracket, here or in the next step.
    ...get(RESULT), ...i32(1), I32_ADD, ...get(LENGTH), I32_GE_U,
    ...get(RESULT), ...I32_LOAD16_U, ...i32(0x2000), I32_OR, ...i32(0x7b2c), I32_EQ, I32_EQZ, I32_OR,
    IF, EMPTY, ...get(RESULT), ...set(I), BR, 9, END,
    ...get(RESULT), ...i32(1), I32_ADD, ...set(START), ...i32(0), ...set(LINES), ...i32(IN_VALUE), ...set(STATE),
    ...get(ESC_OUT), ...set(ESC),
    END,
    ELSE,
    ...is(BYTE, 0x0a), ...is(BYTE, 0x0d), I32_OR, ...get(LINES), I32_OR, ...set(LINES),
    END,
    END,
    ...get(WALK), ...get(WALK), ...i64(1n), I64_SUB, I64_AND, ...set(WALK),
    BR, 0,
    END, // walk
    END, // walked: the element goes on past these 64 bytes
    ...get(STRING_BITS), ...i64(63n), I64_SHR_U, I32_WRAP_I64, ...set(IN_STR),
    ...add(I, 64),
    BR, 0,
    END, // step
    END, // bytewise: a string element, the chunk's last bytes, or a backslash outside strings
    ...get(I), ...get(LENGTH), ...get(DEPTH),
    ...get(IN_STR), ...get(ESC), ...i32(1), I32_SHL, I32_OR, ...get(LINES), ...i32(2), I32_SHL, I32_OR,
    CALL, scan, LOCAL_TEE, RESULT, ...i32(0), I32_LT_S, IF, EMPTY, // the chunk ends first: 0 if, 1 if, 2 main, 3 exit
    GLOBAL_GET, G_DEPTH, ...set(DEPTH),
    GLOBAL_GET, G_FLAGS, ...set(FLAGS),
    ...get(FLAGS), ...i32(1), I32_AND, ...set(IN_STR),
    ...get(FLAGS), ...i32(1), I32_SHR_U, ...i32(1), I32_AND, ...set(ESC),
    ...get(FLAGS), ...i32(2), I32_SHR_U, ...i32(1), I32_AND, ...set(LINES),
    ...get(LENGTH), ...set(I),
    BR, 3,
    END,
    ...get(RESULT), ...i32(1), I32_SHR_U, ...set(I),
    ...get(RESULT), ...i32(1), I32_AND, ...set(LINES),
    ...record(I),
    ...full, BR_IF, 2,
    BR, 1,
    END, // in a value
    ...get(I), ...I32_LOAD8_U, ...set(BYTE),
    ...is(STATE, AFTER_ELEMENT), IF, EMPTY, // 0 if, 1 main, 2 exit
    ...is(BYTE, 0x2c), IF, EMPTY, ...i32(NEXT_ELEMENT), ...set(STATE), ...add(I, 1), BR, 2, END,
    ...isWhitespace, IF, EMPTY, ...add(I, 1), BR, 2, END,
    BR, 2,
    END,
    ...get(STATE), ...i32(FIRST_ELEMENT), I32_SUB, ...i32(NEXT_ELEMENT - FIRST_ELEMENT), I32_LE_U, IF, EMPTY,
    ...get(BYTE), ...i32(0x20), I32_OR, ...i32(0x7b), I32_EQ, IF, EMPTY, ...startElement(1, 0), BR, 2, END,
    ...is(BYTE, 0x22), IF, EMPTY, ...startElement(0, 1), BR, 2, END,
    ...isWhitespace, IF, EMPTY, ...add(I, 1), BR, 2, END,
    END,
    BR, 1, // anything else is JavaScript's to decide
    END, // main
    END, // exit
    ...get(DEPTH), GLOBAL_SET, G_DEPTH,
    ...get(IN_STR), ...get(ESC), ...i32(1), I32_SHL, I32_OR, ...get(LINES), ...i32(2), I32_SHL, I32_OR,
    GLOBAL_SET, G_FLAGS,
    ...get(STATE), GLOBAL_SET, G_STATE,
    ...get(START), GLOBAL_SET, G_START,
    ...get(COUNT), GLOBAL_SET, G_COUNT,
    ...get(I),
    END,
  ];
  return [3, 8, I32, 8, I64, 11, V128, ...body];
}
