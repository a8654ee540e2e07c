/**
 * Trained speech models on disk and in the store: the file under `<dataDir>/models/`, its record in
 * `speech_models` (path relative to the data directory, SHA-256 of the file). A model is only ever
 * used after its file has been checked against the recorded hash.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TocsinError } from '../../core/errors.js';
import type { Db, Queryable } from '../../db/database.js';
import { linearClassifier } from './linear-classifier.js';
import type { LinearModel } from './linear-model.js';
import { decodeModel, encodeModel, type ModelHeader } from './model-file.js';
import type { SpeechClassifier } from './speech-model.js';

export interface SpeechModelRecord {
  id: number;
  name: string;
  kind: string;
  file: string;
  fileSha256: string;
  dataSha256: string;
  settings: Record<string, unknown>;
  codeVersion: string;
  evaluation: Record<string, unknown> | null;
  createdAt: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes the model file and records it, in one transaction: a failed write leaves no row. */
export async function saveSpeechModel(
  db: Db,
  dataDir: string,
  header: Omit<ModelHeader, 'features' | 'groups'>,
  model: LinearModel,
): Promise<{ id: number; file: string; fileSha256: string; bytes: number }> {
  const bytes = encodeModel(header, model);
  const fileSha256 = sha256(bytes);
  await mkdir(join(dataDir, 'models'), { recursive: true });
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO speech_models (name, kind, file, file_sha256, data_sha256, settings, code_version)
       VALUES ($1, $2, '', $3, $4, $5, $6) RETURNING id`,
      [header.name, header.kind, fileSha256, header.dataSha256, JSON.stringify(header.settings), header.codeVersion],
    );
    const id = row!.id;
    const file = `models/speech-${id}.bin`;
    await tx.query('UPDATE speech_models SET file = $2 WHERE id = $1', [id, file]);
    const path = join(dataDir, file);
    try {
      await writeFile(`${path}.partial`, bytes);
      await rename(`${path}.partial`, path);
    } catch (e) {
      await rm(`${path}.partial`, { force: true });
      throw e;
    }
    return { id, file, fileSha256, bytes: bytes.length };
  });
}

/** The record of model `id`, or of the newest model; not_found (saying how to train one) when there is none. */
export async function getSpeechModelRecord(db: Queryable, id?: number): Promise<SpeechModelRecord> {
  const [row] = await db.query<SpeechModelRecord>(
    `SELECT id, name, kind, file, file_sha256 AS "fileSha256", data_sha256 AS "dataSha256", settings,
            code_version AS "codeVersion", evaluation, created_at::text AS "createdAt"
       FROM speech_models ${id === undefined ? '' : 'WHERE id = $1'} ORDER BY id DESC LIMIT 1`,
    id === undefined ? [] : [id],
  );
  if (!row)
    throw new TocsinError(
      'not_found',
      id === undefined
        ? 'no speech model has been trained yet: run `tocsin speech train --corpus <hatexplain dir>`'
        : `no speech model ${id} (\`tocsin speech train\` makes one)`,
      { field: 'model' },
    );
  return row;
}

/** Reads, checks and loads a model: the newest when no id is given. A file changed since training is refused. */
export async function loadSpeechModel(
  db: Queryable,
  dataDir: string,
  id?: number,
): Promise<{ classifier: SpeechClassifier; modelId: number }> {
  const record = await getSpeechModelRecord(db, id);
  const path = join(dataDir, record.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new TocsinError('not_found', `speech model ${record.id}: its file ${path} cannot be read (${(e as Error).message})`, {
      file: path,
    });
  }
  const actual = sha256(bytes);
  if (actual !== record.fileSha256)
    throw new TocsinError(
      'conflict',
      `speech model ${record.id}: ${path} has changed since it was trained (SHA-256 ${actual}, recorded ${record.fileSha256}); refusing to use it`,
      { file: path },
    );
  const { model } = decodeModel(bytes, path);
  return { classifier: linearClassifier(model), modelId: record.id };
}

/** Keeps the last evaluation of a model on its record (one per corpus name). */
export async function recordSpeechEvaluation(db: Queryable, id: number, corpus: string, evaluation: unknown): Promise<void> {
  await db.query(
    `UPDATE speech_models SET evaluation = COALESCE(evaluation, '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb) WHERE id = $1`,
    [id, corpus, JSON.stringify(evaluation)],
  );
}
