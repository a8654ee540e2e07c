import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The read-only material beside the project (`../shared`), absent from a user's clone. */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** Absolute path of a file under `../shared/data/`. */
export const sharedData = (relative: string): string => join(SHARED_DIR, 'data', relative);

export const hasSharedData = (): boolean => existsSync(join(SHARED_DIR, 'data'));

/**
 * `describe` for suites that read `../shared/data`. Without it the suite is skipped with a visible
 * notice on a user's clone, and fails under CI (`CI=true`), where the material must be present.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`../shared/data is missing under CI (looked in ${SHARED_DIR}); this suite needs it`);
    });
    return;
  }
  console.warn(`[tocsin tests] NOTICE: skipping "${name}": ../shared/data not found at ${SHARED_DIR}`);
  describe.skip(name, body);
}
