/**
 * A minimal WebAssembly encoder: just enough of the binary format (WebAssembly 2.0 with 128-bit
 * SIMD) to assemble the elastic net's kernels from bytes, so the project needs no compiler.
 * Instructions are byte arrays; a function body is their concatenation.
 */

const uleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
};
const sleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(byte & 0x40)) || (v === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

export const get = (local: number): number[] => [0x20, ...uleb(local)];
export const set = (local: number): number[] => [0x21, ...uleb(local)];
export const tee = (local: number): number[] => [0x22, ...uleb(local)];
export const i32 = (v: number): number[] => [0x41, ...sleb(v)];
/** f64.const: the double's 8 bytes, little-endian. */
export const f64 = (v: number): number[] => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];
export const I32_ADD = [0x6a];
const I32_GE_U = [0x4f];
const F64_ADD = [0xa0];

const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** v128.load / v128.store at a constant byte offset from the address on the stack (16-byte aligned). */
export const load = (offset: number): number[] => [...simd(0), 4, ...uleb(offset)];
export const store = (offset: number): number[] => [...simd(11), 4, ...uleb(offset)];
export const SPLAT = simd(20); // f64x2.splat
const lane = (l: number): number[] => [...simd(33), l]; // f64x2.extract_lane
export const ADD = simd(240); // f64x2.add
export const SUB = simd(241); // f64x2.sub
export const MUL = simd(242); // f64x2.mul
export const DIV = simd(243); // f64x2.div
export const MIN = simd(244); // f64x2.min
export const MAX = simd(245); // f64x2.max
export const NEG = simd(237); // f64x2.neg
export const NEAREST = simd(148); // f64x2.nearest (round half to even)
export const LT = simd(73); // f64x2.lt
export const GT = simd(74); // f64x2.gt
export const BITSELECT = simd(82); // v128.bitselect
export const TO_I32 = simd(252); // i32x4.trunc_sat_f64x2_s_zero
export const WIDEN = simd(199); // i64x2.extend_low_i32x4_s
export const SHL64 = simd(203); // i64x2.shl
export const ADD64 = simd(206); // i64x2.add

/** The address of the current element of an array: its base (a parameter) plus the byte index. */
export const at = (base: number, index: number): number[] => [...get(base), ...get(index), ...I32_ADD];

/** Doubles per turn of `unrolledLoop`: lengths must be a multiple of this. */
export const UNROLL = 8;

/**
 * `loop { if (i >= end) break; body(offset 0, 0); body(16, 1); body(32, 2); body(48, 3); i += 64 }`:
 * eight doubles per turn, each body on two of them with its own v128 accumulator, so four
 * independent sums are in flight (measured 13% faster than two on the fused update-then-dot).
 */
export const unrolledLoop = (i: number, end: number, body: (offset: number, part: number) => number[]): number[] => [
  ...[0x02, 0x40, 0x03, 0x40], // block, loop
  ...get(i),
  ...get(end),
  ...I32_GE_U,
  ...[0x0d, 1], // br_if 1: leave the block
  ...[0, 1, 2, 3].flatMap((part) => body(16 * part, part)),
  ...get(i),
  ...i32(16 * 4),
  ...I32_ADD,
  ...set(i),
  ...[0x0c, 0, 0x0b, 0x0b], // br 0: loop again; end; end
];

/** (acc0 + acc1) + (acc2 + acc3), then the sum of its two lanes (an f64 left on the stack). */
export const horizontalSum = (acc: number): number[] => [
  ...[...get(acc), ...get(acc + 1), ...ADD, ...get(acc + 2), ...get(acc + 3), ...ADD, ...ADD, ...tee(acc)],
  ...[...lane(0), ...get(acc), ...lane(1), ...F64_ADD],
];

/** One exported function: parameters are locals 0.., then `locals` (count, type) follow. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly result: number | null;
  readonly locals: ReadonlyArray<readonly [number, number]>;
  readonly code: readonly number[];
}

/** A module importing its memory as `env.memory` and exporting every function by name. */
export function assembleModule(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.result === null ? [] : [[f.result]])]);
  const bodies = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.code, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])), // memory, min 1 page
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}
