import type { Queryable } from '../db/database.js';
import { DEFAULT_SURVEILLANCE_SETTINGS, parseSurveillanceSettings, type SurveillanceSettings } from './surveillance-settings.js';

/** The stored settings, or the defaults when none were saved. */
export async function readSurveillanceSettings(db: Queryable): Promise<SurveillanceSettings> {
  const [row] = await db.query<{ settings: unknown }>('SELECT settings FROM surveillance_settings WHERE id = 1');
  return row ? parseSurveillanceSettings(row.settings) : DEFAULT_SURVEILLANCE_SETTINGS;
}

/** Validates and saves the settings; they apply from the next import or `tocsin signals detect`. */
export async function saveSurveillanceSettings(
  db: Queryable,
  input: unknown,
  userId: number | null,
): Promise<SurveillanceSettings> {
  const settings = parseSurveillanceSettings(input);
  await db.query(
    `INSERT INTO surveillance_settings (id, settings, updated_by) VALUES (1, $1::jsonb, $2)
     ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(settings), userId],
  );
  return settings;
}
