// What every WebAssembly kernel of the row readers shares: the binary encoding of a module
// (opcodes, LEB128 integers, sections), the instruction sequences they all use, and compiling it
// where the runtime can. The kernels are assembled from their instructions in TypeScript, so their
// source is the repository's own code and nothing is built or downloaded. Opcodes: WebAssembly
// core spec 2.0, with the fixed-width SIMD proposal it includes.

export const BLOCK = 0x02;
export const LOOP = 0x03;
export const IF = 0x04;
export const ELSE = 0x05;
export const END = 0x0b;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const RETURN = 0x0f;
export const CALL = 0x10;
export const EMPTY = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
export const LOCAL_TEE = 0x22;
export const GLOBAL_GET = 0x23;
export const GLOBAL_SET = 0x24;
export const I32_LOAD8_U = [0x2d, 0, 0];
/** `i32.store` of an aligned word at the address plus `offset`. */
export const i32Store = (offset = 0) => [0x36, 2, ...uleb(offset)];
export const I32_LOAD16_U = [0x2f, 0, 0];
const I32_CONST = 0x41;
const I64_CONST = 0x42;
export const I32_EQZ = 0x45;
export const I32_EQ = 0x46;
export const I32_LT_S = 0x48;
export const I32_LT_U = 0x49;
export const I32_GT_U = 0x4b;
export const I32_LE_U = 0x4d;
export const I32_GE_U = 0x4f;
export const I64_NE = 0x52;
export const I64_LT_U = 0x54;
export const I32_CTZ = 0x68;
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const I32_AND = 0x71;
export const I32_OR = 0x72;
export const I32_XOR = 0x73;
export const I32_SHL = 0x74;
export const I32_SHR_U = 0x76;
export const I64_CTZ = 0x7a;
export const I64_POPCNT = 0x7b;
export const I64_ADD = 0x7c;
export const I64_SUB = 0x7d;
export const I64_AND = 0x83;
export const I64_OR = 0x84;
export const I64_XOR = 0x85;
export const I64_SHL = 0x86;
export const I64_SHR_S = 0x87;
export const I64_SHR_U = 0x88;
export const I32_WRAP_I64 = 0xa7;
export const I64_EXTEND_I32_U = 0xad;
export const V128_LOAD = [0xfd, 0x00, 0, 0];
/** `v128.load` of the address plus `offset` (the immediate of its memory argument). */
export const v128LoadAt = (offset: number): number[] => [0xfd, 0x00, 0, ...uleb(offset)];
export const I8X16_SPLAT = [0xfd, 0x0f];
export const I8X16_EQ = [0xfd, 0x23];
export const V128_AND = [0xfd, 0x4e];
export const V128_OR = [0xfd, 0x50];
export const V128_ANY_TRUE = [0xfd, 0x53];
export const I8X16_BITMASK = [0xfd, 0x64];
/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;
/** The type of a function (section 1). */
export const FUNC = 0x60;

/** A signed LEB128 integer (the immediates of `i32.const`, `i64.const`). */
function sleb(value: number | bigint): number[] {
  let rest = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if ((rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** An unsigned LEB128 integer (sizes, counts, indices). */
export function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value >>>= 7;
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

/** `local.get` of a local. */
export const localGet = (local: number): number[] => [LOCAL_GET, local];
/** `local.set` of a local. */
export const localSet = (local: number): number[] => [LOCAL_SET, local];
/** Pushes an i32 constant. */
export const i32Const = (value: number): number[] => [I32_CONST, ...sleb(value)];
/** Pushes an i64 constant. */
export const i64Const = (value: number | bigint): number[] => [I64_CONST, ...sleb(value)];
/** `local += delta` (i32). */
export const addToLocal = (local: number, delta: number): number[] => [
  ...localGet(local),
  ...i32Const(delta),
  I32_ADD,
  ...localSet(local),
];

/**
 * Pushes the i64 whose 64 bits are the lanes of four i8x16 compares, one per 16-byte part of a
 * 64-byte block: `compare(k)` pushes the compare of part k (0…3), which gives bits 16k…16k+15.
 */
export function bitmask64(compare: (part: number) => number[]): number[] {
  const join = (a: number, b: number) => [
    ...compare(a),
    ...I8X16_BITMASK,
    ...compare(b),
    ...I8X16_BITMASK,
    ...i32Const(16),
    I32_SHL,
    I32_OR,
    I64_EXTEND_I32_U,
  ];
  return [...join(0, 1), ...join(2, 3), ...i64Const(32), I64_SHL, I64_OR];
}

/** A section: its id, its size, its contents. */
export const section = (id: number, contents: number[]): number[] => [
  id,
  ...uleb(contents.length),
  ...contents,
];

/** A name, as exports spell them: its length, then its (ASCII) bytes. */
export const name = (text: string): number[] => [
  ...uleb(text.length),
  ...[...text].map((c) => c.charCodeAt(0)),
];

/** The 8 bytes every module starts with: the magic number and version 1. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** The part of the WebAssembly API used here (@types/node declares its types, not its value). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}

/**
 * Compiles and instantiates a module without imports: its exports, or undefined where the runtime
 * has no WebAssembly, or no SIMD (an old or `--jitless` runtime); the caller then runs JavaScript.
 */
export function instantiate<Exports>(bytes: Uint8Array): Exports | undefined {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  try {
    return new (wasm as WebAssemblyApi).Instance(new (wasm as WebAssemblyApi).Module(bytes))
      .exports as Exports;
  } catch {
    return undefined;
  }
}

/**
 * `load` run on the first call only (a kernel is compiled when first asked for, so code that never
 * needs it does not pay); its result, undefined included, is what every later call returns.
 */
export function loadOnce<T>(load: () => T | undefined): () => T | undefined {
  let loaded: { readonly value: T | undefined } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}
