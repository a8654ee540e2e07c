import type { EventPoints } from '../api-schemas.js';
import { boundsOf, type Bounds, type WorldBoundaries } from './world-boundaries.js';

const WORLD: Bounds = [-170, -58, 190, 78];

/**
 * Where the map should look: the chosen country, else the extent of the points, else the world.
 * Null while what it depends on is still loading.
 */
export function viewFor(
  country: string,
  boundaries: WorldBoundaries | undefined,
  points: EventPoints | undefined,
): Bounds | null {
  if (country !== '') {
    if (boundaries === undefined) return null;
    return boundaries.bounds.get(country) ?? viewFor('', boundaries, points);
  }
  if (points === undefined) return null;
  return boundsOf(points.features.map((point) => point.geometry.coordinates)) ?? WORLD;
}
