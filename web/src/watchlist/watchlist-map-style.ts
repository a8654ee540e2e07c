import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR } from './watchlist-model.js';

export const COUNTRIES_SOURCE = 'countries';
export const BORDERS_SOURCE = 'borders';
export const COUNTRIES_LAYER = 'watchlist-countries';
export const HOVER_LAYER = 'watchlist-hover';

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/**
 * A fill colour per country: a `match` on the atlas's ISO alpha-3 code, the no-data colour for
 * every other country (MapLibre refuses a `match` with no case, hence the plain colour then).
 */
export function fillColour(colours: readonly (readonly [iso3: string, colour: string])[]): ExpressionSpecification | string {
  if (colours.length === 0) return NO_DATA_COLOUR;
  return ['match', ['get', 'a3'], ...colours.flat(), NO_DATA_COLOUR] as unknown as ExpressionSpecification;
}

/** The watchlist map: inline GeoJSON only (Natural Earth, shipped with the build), no tiles, no glyphs. */
export function createWatchlistStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [COUNTRIES_SOURCE]: { type: 'geojson', data: emptyCollection, attribution: 'Natural Earth' },
      [BORDERS_SOURCE]: { type: 'geojson', data: emptyCollection },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dde7ee' } },
      { id: COUNTRIES_LAYER, type: 'fill', source: COUNTRIES_SOURCE, paint: { 'fill-color': NO_DATA_COLOUR } },
      {
        id: 'borders',
        type: 'line',
        source: BORDERS_SOURCE,
        paint: { 'line-color': '#7d8a97', 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2] },
      },
      {
        id: HOVER_LAYER,
        type: 'line',
        source: COUNTRIES_SOURCE,
        filter: ['==', ['get', 'a3'], ''],
        paint: { 'line-color': '#111111', 'line-width': 2 },
      },
    ],
  };
}
