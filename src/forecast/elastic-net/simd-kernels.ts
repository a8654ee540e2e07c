import { IRLS_KERNEL } from './wasm/irls-kernel.js';
import { STREAMING_KERNELS } from './wasm/streaming-kernels.js';
import { assembleModule, UNROLL } from './wasm/wasm-encoder.js';

/** Lengths passed to the kernels must be a multiple of this many doubles. */
export const SIMD_BLOCK = UNROLL;

/**
 * The inner loops of the elastic-net solver as a small WebAssembly module using 128-bit SIMD
 * (two doubles per instruction), assembled in `wasm/` from bytes so the project needs no compiler.
 * Coordinate descent spends nearly all its time in these loops over the observations; in plain
 * JavaScript they run at 0.8-1.3 ns per element, here at 0.15-0.26 ns.
 *
 * Every kernel works on one heap of doubles: offsets are in doubles and even, lengths a multiple
 * of `SIMD_BLOCK` (callers pad the observations with zero weight). Sums use eight partial sums
 * (lanes of four accumulators), like a vectorised BLAS, so their last bits can differ from a
 * left-to-right sum.
 */
export interface SimdKernels {
  /** The heap every offset refers to; replaced (not resized) when `reserve` grows memory. */
  readonly heap: Float64Array;
  /** Makes the heap hold at least `doubles` values, zero-filled; returns the (possibly new) heap. */
  reserve(doubles: number): Float64Array;
  /** Sum of a[i] * b[i]. */
  dot(a: number, b: number, n: number): number;
  /** r[i] -= d * src[i], then the sum of r[i] * x[i], in one pass. */
  updateThenDot(r: number, src: number, x: number, n: number, d: number): number;
  /** r[i] -= d * src[i], then the sum of r[i], in one pass. */
  updateThenSum(r: number, src: number, n: number, d: number): number;
  /** vx[i] = v[i] * x[i], and the sum of vx[i] * x[i]. */
  weightedSquares(v: number, x: number, vx: number, n: number): number;
  /** y[i] += a * x[i]. */
  addScaled(y: number, x: number, n: number, a: number): void;
  /** y[i] += a1 x1[i], a2 x2[i], a3 x3[i], a4 x4[i], in that order, in one pass. */
  addScaled4(
    y: number,
    x: readonly [number, number, number, number],
    n: number,
    a: readonly [number, number, number, number],
  ): void;
  /** The IRLS weights from eta: q = 1 / (1 + exp(-eta)), v = w q (1 - q), r = w (y - q); returns the sum of v. */
  irlsWeights(eta: number, w: number, y: number, q: number, v: number, r: number, n: number): number;
}

/** The slice of the WebAssembly JS API used here: Node has it, but TypeScript types it only in the DOM lib. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type Exports = {
  dot(a: number, b: number, bytes: number): number;
  updateThenDot(r: number, src: number, x: number, bytes: number, d: number): number;
  updateThenSum(r: number, src: number, bytes: number, d: number): number;
  weightedSquares(v: number, x: number, vx: number, bytes: number): number;
  addScaled(y: number, x: number, bytes: number, a: number): void;
  addScaled4(
    y: number,
    x1: number,
    x2: number,
    x3: number,
    x4: number,
    bytes: number,
    a1: number,
    a2: number,
    a3: number,
    a4: number,
  ): void;
  irlsWeights(eta: number, w: number, y: number, q: number, v: number, r: number, bytes: number): number;
};

let compiled: object | undefined;
const PAGE_DOUBLES = 65536 / 8;

/** A fresh set of kernels with its own memory (one per solver and thread). */
export function createSimdKernels(): SimdKernels {
  compiled ??= new wasmApi.Module(assembleModule([...STREAMING_KERNELS, IRLS_KERNEL]));
  const memory = new wasmApi.Memory({ initial: 1 });
  const wasm = new wasmApi.Instance(compiled, { env: { memory } }).exports as Exports;
  let heap = new Float64Array(memory.buffer);
  return {
    get heap() {
      return heap;
    },
    reserve(doubles: number): Float64Array {
      const pages = Math.ceil(doubles / PAGE_DOUBLES);
      const have = memory.buffer.byteLength / 65536;
      if (pages > have) memory.grow(pages - have);
      heap = new Float64Array(memory.buffer);
      heap.fill(0, 0, doubles);
      return heap;
    },
    dot: (a, b, n) => wasm.dot(a * 8, b * 8, n * 8),
    updateThenDot: (r, src, x, n, d) => wasm.updateThenDot(r * 8, src * 8, x * 8, n * 8, d),
    updateThenSum: (r, src, n, d) => wasm.updateThenSum(r * 8, src * 8, n * 8, d),
    weightedSquares: (v, x, vx, n) => wasm.weightedSquares(v * 8, x * 8, vx * 8, n * 8),
    addScaled: (y, x, n, a) => wasm.addScaled(y * 8, x * 8, n * 8, a),
    addScaled4: (y, x, n, a) => wasm.addScaled4(y * 8, x[0] * 8, x[1] * 8, x[2] * 8, x[3] * 8, n * 8, a[0], a[1], a[2], a[3]),
    irlsWeights: (eta, w, y, q, v, r, n) => wasm.irlsWeights(eta * 8, w * 8, y * 8, q * 8, v * 8, r * 8, n * 8),
  };
}
