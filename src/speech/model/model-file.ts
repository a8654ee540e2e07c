/**
 * The bytes of a trained speech model (pure): one file, a JSON header then the weights.
 *
 *   "TSPM" | u32 header length | header (UTF-8 JSON) | zero padding to 4 bytes
 *   | f32 bias[outputs] | u32 rows | u32 slot[rows] | f32 weights[rows * outputs]
 *
 * Only the hash slots that training touched are stored (the rest are zero), little-endian.
 */
import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import type { LinearModel } from './linear-model.js';

const MAGIC = 'TSPM';
export const MODEL_FORMAT = 'tocsin-speech-linear/1' as const;

export const modelHeaderSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  name: z.string(),
  kind: z.string(),
  settings: z.record(z.string(), z.unknown()),
  features: z.object({
    buckets: z.number().int().positive(),
    charNgrams: z.boolean(),
    charMin: z.number().int().positive(),
    charMax: z.number().int().positive(),
    wordBigrams: z.boolean(),
    wordWeight: z.number().positive(),
  }),
  groups: z.array(z.string()),
  dataSha256: z.string(),
  codeVersion: z.string(),
});
export type ModelHeader = z.infer<typeof modelHeaderSchema>;

/** The file bytes; the header's features and groups are taken from the model itself. */
export function encodeModel(header: Omit<ModelHeader, 'features' | 'groups'>, model: LinearModel): Uint8Array {
  const outputs = model.bias.length;
  const rows: number[] = [];
  for (let slot = 0; slot < model.features.buckets; slot++) {
    for (let k = 0; k < outputs; k++) {
      if (model.weights[slot * outputs + k] !== 0) {
        rows.push(slot);
        break;
      }
    }
  }
  const head = new TextEncoder().encode(JSON.stringify({ ...header, features: model.features, groups: model.groups }));
  const headEnd = align4(8 + head.length);
  const size = headEnd + 4 * outputs + 4 + 4 * rows.length + 4 * rows.length * outputs;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, head.length, true);
  bytes.set(head, 8);
  let at = headEnd;
  for (let k = 0; k < outputs; k++, at += 4) view.setFloat32(at, model.bias[k]!, true);
  view.setUint32(at, rows.length, true);
  at += 4;
  for (const slot of rows) {
    view.setUint32(at, slot, true);
    at += 4;
  }
  for (const slot of rows) {
    for (let k = 0; k < outputs; k++, at += 4) view.setFloat32(at, model.weights[slot * outputs + k]!, true);
  }
  return bytes;
}

/** Reads the bytes back; anything that is not a whole model file is refused, naming `where`. */
export function decodeModel(bytes: Uint8Array, where: string): { header: ModelHeader; model: LinearModel } {
  const refuse = (why: string) =>
    new TocsinError('invalid_format', `${where}: not a Tocsin speech model (${why})`, { file: where });
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw refuse('no TSPM mark');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(4, true);
  if (8 + headLength > bytes.length) throw refuse('header runs past the end');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength)));
  } catch {
    throw refuse('header is not JSON');
  }
  const parsed = modelHeaderSchema.safeParse(raw);
  if (!parsed.success) throw refuse(`header: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const header = parsed.data;
  const outputs = 3 + header.groups.length;
  let at = align4(8 + headLength);
  const need = (n: number) => {
    if (at + n > bytes.length) throw refuse('weights cut short');
  };
  need(4 * outputs + 4);
  const bias = new Float32Array(outputs);
  for (let k = 0; k < outputs; k++, at += 4) bias[k] = view.getFloat32(at, true);
  const rows = view.getUint32(at, true);
  at += 4;
  need(4 * rows + 4 * rows * outputs);
  if (at + 4 * rows + 4 * rows * outputs !== bytes.length) throw refuse('bytes after the weights');
  const slots = new Uint32Array(rows);
  for (let r = 0; r < rows; r++, at += 4) slots[r] = view.getUint32(at, true);
  const weights = new Float32Array(header.features.buckets * outputs);
  for (let r = 0; r < rows; r++) {
    if (slots[r]! >= header.features.buckets) throw refuse(`slot ${slots[r]} beyond ${header.features.buckets} buckets`);
    for (let k = 0; k < outputs; k++, at += 4) weights[slots[r]! * outputs + k] = view.getFloat32(at, true);
  }
  return { header, model: { features: header.features, groups: header.groups, weights, bias } };
}

const align4 = (n: number) => (n + 3) & ~3;
