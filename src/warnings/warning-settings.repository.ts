import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import {
  DEFAULT_WARNING_SETTINGS,
  parseWarningSettings,
  unmaskWarningSettings,
  type WarningSettings,
} from './warning-settings.js';

/** The stored settings, or the defaults when none were saved. */
export async function readWarningSettings(db: Queryable): Promise<WarningSettings> {
  const [row] = await db.query<{ settings: unknown }>('SELECT settings FROM warning_settings WHERE id');
  return row ? parseWarningSettings(row.settings) : DEFAULT_WARNING_SETTINGS;
}

/**
 * Validates and saves the settings (a masked webhook secret keeps the stored one). Usernames in
 * tiers must exist. New deadlines and tiers apply to warnings raised from now on.
 */
export async function saveWarningSettings(db: Queryable, input: unknown, userId: number | null): Promise<WarningSettings> {
  const settings = parseWarningSettings(unmaskWarningSettings(input, await readWarningSettings(db)));
  const named = [...new Set(settings.tiers.flatMap((t) => t.users))];
  if (named.length) {
    const found = await db.query<{ username: string }>('SELECT username FROM users WHERE username = ANY($1::text[])', [named]);
    const missing = named.filter((n) => !found.some((f) => f.username === n));
    if (missing.length) throw new TocsinError('invalid_input', `tiers: no user named ${missing.join(', ')}`, { field: 'tiers' });
  }
  await db.query(
    `INSERT INTO warning_settings (id, settings, updated_by) VALUES (true, $1::jsonb, $2)
     ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(settings), userId],
  );
  return settings;
}
