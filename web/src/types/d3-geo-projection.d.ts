/** The one function of d3-geo-projection that Tocsin uses (the package ships no types). */
declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo';
  import type { GeoJsonObject } from 'geojson';

  /** Projects a GeoJSON object through `projection`, clipping and cutting it as the projection does. */
  export function geoProject<T extends GeoJsonObject>(object: T, projection: GeoProjection): T;
}
