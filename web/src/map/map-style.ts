import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { VIOLENCE_CATEGORIES } from '../api-schemas.js';
import { CATEGORY_COLOURS } from '../categories.js';

export const COUNTRIES_SOURCE = 'countries';
export const BORDERS_SOURCE = 'borders';
export const FOCUS_OUTLINE_SOURCE = 'focus-outline';
export const EVENTS_SOURCE = 'events';
export const EVENTS_LAYER = 'events';
export const SELECTED_EVENT_LAYER = 'events-selected';
export const FOCUS_COUNTRY_LAYER = 'countries-focus';

/**
 * Circle radius (px) by best fatality estimate, interpolated linearly between these stops so that
 * the area grows roughly with the square root of the count; the legend draws the same stops.
 */
export const FATALITY_RADIUS_STOPS: readonly (readonly [fatalities: number, radius: number])[] = [
  [0, 3],
  [1, 4],
  [10, 7],
  [100, 13],
  [1000, 24],
];

const fatalities: ExpressionSpecification = ['coalesce', ['get', 'fatalitiesBest'], 0];

const categoryColour: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...VIOLENCE_CATEGORIES.flatMap((category) => [category, CATEGORY_COLOURS[category]]),
  CATEGORY_COLOURS.other,
] as unknown as ExpressionSpecification;

const radius = ['interpolate', ['linear'], fatalities, ...FATALITY_RADIUS_STOPS.flat()] as unknown as ExpressionSpecification;

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/**
 * The whole map style: inline GeoJSON sources only, no tiles, no glyphs and no text layers,
 * so the map works with no outside network at all.
 */
export function createMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [COUNTRIES_SOURCE]: { type: 'geojson', data: emptyCollection, attribution: 'Natural Earth' },
      [BORDERS_SOURCE]: { type: 'geojson', data: emptyCollection },
      [FOCUS_OUTLINE_SOURCE]: { type: 'geojson', data: emptyCollection },
      [EVENTS_SOURCE]: { type: 'geojson', data: emptyCollection, promoteId: 'id' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dde7ee' } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: COUNTRIES_SOURCE,
        paint: { 'fill-color': '#f4f2ec' },
      },
      {
        id: FOCUS_COUNTRY_LAYER,
        type: 'fill',
        source: COUNTRIES_SOURCE,
        filter: ['==', ['get', 'a3'], ''],
        paint: { 'fill-color': '#ffffff' },
      },
      {
        id: 'borders',
        type: 'line',
        source: BORDERS_SOURCE,
        paint: { 'line-color': '#9aa6b2', 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2] },
      },
      {
        id: 'focus-outline',
        type: 'line',
        source: FOCUS_OUTLINE_SOURCE,
        paint: { 'line-color': '#2f4b6e', 'line-width': 1.6 },
      },
      {
        id: EVENTS_LAYER,
        type: 'circle',
        source: EVENTS_SOURCE,
        layout: { 'circle-sort-key': ['-', 0, fatalities] },
        paint: {
          'circle-color': categoryColour,
          'circle-radius': radius,
          'circle-opacity': 0.72,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.6,
        },
      },
      {
        id: SELECTED_EVENT_LAYER,
        type: 'circle',
        source: EVENTS_SOURCE,
        filter: ['==', ['get', 'id'], -1],
        paint: {
          'circle-color': categoryColour,
          'circle-radius': radius,
          'circle-stroke-color': '#111111',
          'circle-stroke-width': 2.5,
        },
      },
    ],
  };
}
