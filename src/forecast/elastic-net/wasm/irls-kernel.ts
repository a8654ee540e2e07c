import {
  ADD,
  ADD64,
  at,
  BITSELECT,
  DIV,
  F64,
  f64,
  get,
  GT,
  horizontalSum,
  I32,
  i32,
  load,
  LT,
  MAX,
  MIN,
  MUL,
  NEAREST,
  NEG,
  set,
  SHL64,
  SPLAT,
  store,
  SUB,
  tee,
  TO_I32,
  unrolledLoop,
  V128,
  WIDEN,
  type WasmFunction,
} from './wasm-encoder.js';

/** Linear predictors beyond +-FMAX give probability 1 or 0 exactly (glmnet, pmin = 1e-9). */
export const FMAX = Math.log(1 / 1e-9 - 1);

/** fdlibm's e_exp.c constants: ln 2 in two parts, 1 / ln 2, and its rational (Remez) coefficients. */
const CONSTANTS = {
  FMAX,
  NFMAX: -FMAX,
  INVLN2: 1.4426950408889634,
  LN2HI: 6.9314718036912381649e-1,
  LN2LO: 1.90821492927058770002e-10,
  P1: 1.66666666666666019037e-1,
  P2: -2.77777777770155933842e-3,
  P3: 6.61375632143793436117e-5,
  P4: -1.6533902205465251539e-6,
  P5: 4.13813679705723846039e-8,
  ONE: 1,
  TWO: 2,
  ZERO: 0,
} as const;
const SCRATCH = ['acc0', 'acc1', 'acc2', 'acc3', 'e', 'q', 'w', 'k', 'hi', 'lo', 'x', 'tt', 'c', 'ex'] as const;
type Local = keyof typeof CONSTANTS | (typeof SCRATCH)[number];

// Parameters: eta, w, y, q, v, r (byte offsets), bytes; then the byte index, then v128 locals.
const [ETA, W, Y, Q, V, R, END, I] = [0, 1, 2, 3, 4, 5, 6, 7];
const slot = new Map<string, number>([...SCRATCH, ...Object.keys(CONSTANTS)].map((n, k) => [n, I + 1 + k]));
const g = (l: Local): number[] => get(slot.get(l)!);
const s = (l: Local): number[] => set(slot.get(l)!);

// prettier-ignore
const body = (o: number, part: number): number[] => [
  ...at(ETA, I), ...load(o), ...s('e'),
  // t = -eta, clamped to [-FMAX, FMAX] (beyond, q is replaced below); k = round(t / ln 2)
  ...g('e'), ...NEG, ...g('NFMAX'), ...MAX, ...g('FMAX'), ...MIN, ...s('x'),
  ...g('x'), ...g('INVLN2'), ...MUL, ...NEAREST, ...s('k'),
  // r = t - k ln 2 = hi - lo
  ...g('x'), ...g('k'), ...g('LN2HI'), ...MUL, ...SUB, ...s('hi'),
  ...g('k'), ...g('LN2LO'), ...MUL, ...s('lo'),
  ...g('hi'), ...g('lo'), ...SUB, ...s('x'),
  // c = r - r^2 (P1 + r^2 (P2 + r^2 (P3 + r^2 (P4 + r^2 P5))))
  ...g('x'), ...g('x'), ...MUL, ...s('tt'),
  ...g('x'), ...g('tt'),
  ...g('P1'), ...g('tt'), ...g('P2'), ...g('tt'), ...g('P3'), ...g('tt'), ...g('P4'), ...g('tt'), ...g('P5'),
  ...MUL, ...ADD, ...MUL, ...ADD, ...MUL, ...ADD, ...MUL, ...ADD,
  ...MUL, ...SUB, ...s('c'),
  // exp(r) = 1 - ((lo - r c / (2 - c)) - hi); times 2^k by adding k to the exponent bits
  ...g('ONE'), ...g('lo'), ...g('x'), ...g('c'), ...MUL, ...g('TWO'), ...g('c'), ...SUB, ...DIV, ...SUB, ...g('hi'), ...SUB, ...SUB,
  ...g('k'), ...TO_I32, ...WIDEN, ...i32(52), ...SHL64, ...ADD64, ...s('ex'),
  // q = 1 / (1 + exp(-eta)): 0 where eta < -FMAX, 1 where eta > FMAX
  ...g('ONE'), ...g('ONE'), ...g('ex'), ...ADD, ...DIV, ...s('q'),
  ...g('ZERO'), ...g('q'), ...g('e'), ...g('NFMAX'), ...LT, ...BITSELECT, ...s('q'),
  ...g('ONE'), ...g('q'), ...g('e'), ...g('FMAX'), ...GT, ...BITSELECT, ...s('q'),
  ...at(Q, I), ...g('q'), ...store(o),
  // v = w q (1 - q), summed; r = w (y - q)
  ...at(W, I), ...load(o), ...s('w'),
  ...at(V, I), ...g('w'), ...g('q'), ...MUL, ...g('ONE'), ...g('q'), ...SUB, ...MUL, ...tee(slot.get('c')!), ...store(o),
  ...get(slot.get('acc0')! + part), ...g('c'), ...ADD, ...set(slot.get('acc0')! + part),
  ...at(R, I), ...g('w'), ...at(Y, I), ...load(o), ...g('q'), ...SUB, ...MUL, ...store(o),
];

/**
 * irlsWeights(eta, w, y, q, v, r, bytes): the IRLS update of every observation from its linear
 * predictor, q = 1 / (1 + exp(-eta)), v = w q (1 - q), r = w (y - q); returns the sum of v.
 * exp is fdlibm's algorithm (the one behind V8's Math.exp), with k rounded to nearest; |t| <=
 * FMAX keeps 2^k normal. Within 2 ulp of Math.exp (tested).
 */
export const IRLS_KERNEL: WasmFunction = {
  name: 'irlsWeights',
  params: [I32, I32, I32, I32, I32, I32, I32],
  result: F64,
  locals: [
    [1, I32],
    [slot.size, V128],
  ],
  code: [
    ...Object.entries(CONSTANTS).flatMap(([n, v]) => [...f64(v), ...SPLAT, ...s(n as Local)]),
    ...unrolledLoop(I, END, body),
    ...horizontalSum(slot.get('acc0')!),
  ],
};
