import {
  ADD,
  at,
  F64,
  get,
  horizontalSum,
  I32,
  load,
  MUL,
  set,
  SPLAT,
  store,
  SUB,
  tee,
  unrolledLoop,
  V128,
  type WasmFunction,
} from './wasm-encoder.js';

// Parameters are byte offsets (i32) and a byte count, then any f64 scalar; the first local after
// them is the byte index i, then four v128 accumulators (one per part of the unrolled loop) and scratch.

/** dot(a, b, bytes): sum of a[i] * b[i]. */
const dot: WasmFunction = {
  name: 'dot',
  params: [I32, I32, I32],
  result: F64,
  locals: [
    [1, I32],
    [4, V128],
  ], // 3 i, 4-7 acc
  code: [
    ...unrolledLoop(3, 2, (o, h) => [
      ...get(4 + h),
      ...at(0, 3),
      ...load(o),
      ...at(1, 3),
      ...load(o),
      ...MUL,
      ...ADD,
      ...set(4 + h),
    ]),
    ...horizontalSum(4),
  ],
};

/** updateThenDot(r, src, x, bytes, d): r[i] -= d * src[i], and the sum of the new r[i] * x[i]. */
const updateThenDot: WasmFunction = {
  name: 'updateThenDot',
  params: [I32, I32, I32, I32, F64],
  result: F64,
  locals: [
    [1, I32],
    [6, V128],
  ], // 5 i, 6-9 acc, 10 d, 11 new r
  code: [
    ...[...get(4), ...SPLAT, ...set(10)],
    ...unrolledLoop(5, 3, (o, h) => [
      ...[...at(0, 5), ...at(0, 5), ...load(o), ...get(10), ...at(1, 5), ...load(o), ...MUL, ...SUB, ...tee(11), ...store(o)],
      ...[...get(6 + h), ...get(11), ...at(2, 5), ...load(o), ...MUL, ...ADD, ...set(6 + h)],
    ]),
    ...horizontalSum(6),
  ],
};

/** updateThenSum(r, src, bytes, d): r[i] -= d * src[i], and the sum of the new r[i]. */
const updateThenSum: WasmFunction = {
  name: 'updateThenSum',
  params: [I32, I32, I32, F64],
  result: F64,
  locals: [
    [1, I32],
    [6, V128],
  ], // 4 i, 5-8 acc, 9 d, 10 new r
  code: [
    ...[...get(3), ...SPLAT, ...set(9)],
    ...unrolledLoop(4, 2, (o, h) => [
      ...[...at(0, 4), ...at(0, 4), ...load(o), ...get(9), ...at(1, 4), ...load(o), ...MUL, ...SUB, ...tee(10), ...store(o)],
      ...[...get(5 + h), ...get(10), ...ADD, ...set(5 + h)],
    ]),
    ...horizontalSum(5),
  ],
};

/** weightedSquares(v, x, vx, bytes): vx[i] = v[i] * x[i], and the sum of vx[i] * x[i]. */
const weightedSquares: WasmFunction = {
  name: 'weightedSquares',
  params: [I32, I32, I32, I32],
  result: F64,
  locals: [
    [1, I32],
    [5, V128],
  ], // 4 i, 5-8 acc, 9 v * x
  code: [
    ...unrolledLoop(4, 3, (o, h) => [
      ...[...at(2, 4), ...at(0, 4), ...load(o), ...at(1, 4), ...load(o), ...MUL, ...tee(9), ...store(o)],
      ...[...get(5 + h), ...get(9), ...at(1, 4), ...load(o), ...MUL, ...ADD, ...set(5 + h)],
    ]),
    ...horizontalSum(5),
  ],
};

/** addScaled(y, x, bytes, a): y[i] += a * x[i]. */
const addScaled: WasmFunction = {
  name: 'addScaled',
  params: [I32, I32, I32, F64],
  result: null,
  locals: [
    [1, I32],
    [1, V128],
  ], // 4 i, 5 a
  code: [
    ...[...get(3), ...SPLAT, ...set(5)],
    ...unrolledLoop(4, 2, (o) => [
      ...at(0, 4),
      ...at(0, 4),
      ...load(o),
      ...get(5),
      ...at(1, 4),
      ...load(o),
      ...MUL,
      ...ADD,
      ...store(o),
    ]),
  ],
};

/**
 * addScaled4(y, x1, x2, x3, x4, bytes, a1, a2, a3, a4): y[i] += a1 x1[i], then a2 x2[i], a3 x3[i],
 * a4 x4[i], in that order (the same sums as four addScaled passes, with one pass over y).
 */
const addScaled4: WasmFunction = {
  name: 'addScaled4',
  params: [I32, I32, I32, I32, I32, I32, F64, F64, F64, F64],
  result: null,
  locals: [
    [1, I32],
    [5, V128],
  ], // 10 i, 11-14 a1..a4, 15 y
  code: [
    ...[6, 7, 8, 9].flatMap((a) => [...get(a), ...SPLAT, ...set(a + 5)]),
    ...unrolledLoop(10, 5, (o) => [
      ...[...at(0, 10), ...load(o), ...set(15)],
      ...[1, 2, 3, 4].flatMap((x) => [...get(15), ...get(x + 10), ...at(x, 10), ...load(o), ...MUL, ...ADD, ...set(15)]),
      ...[...at(0, 10), ...get(15), ...store(o)],
    ]),
  ],
};

/** The kernels of coordinate descent: gradients, fused residual updates, weighted variances. */
export const STREAMING_KERNELS: readonly WasmFunction[] = [
  dot,
  updateThenDot,
  updateThenSum,
  weightedSquares,
  addScaled,
  addScaled4,
];
