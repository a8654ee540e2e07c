import { useQuery } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { loadWorldBoundaries } from '../map/load-world-boundaries.js';
import { boundsOf, type Bounds } from '../map/world-boundaries.js';
import type { WatchlistCountry } from './api.js';
import {
  BORDERS_SOURCE,
  COUNTRIES_LAYER,
  COUNTRIES_SOURCE,
  createWatchlistStyle,
  fillColour,
  HOVER_LAYER,
} from './watchlist-map-style.js';
import { colourOf, type ColourMode } from './watchlist-model.js';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The watchlist map, for browser tests. */
    __tocsinWatchlistMap?: maplibregl.Map;
  }
}

const WORLD: Bounds = [-170, -58, 190, 78];
const FIT = { padding: 16, maxZoom: 5, duration: 0 };

/** The south-west and north-east corners of a country's bounds, none when the atlas lacks it. */
const cornersOf = (b: Bounds | undefined): [number, number][] =>
  b === undefined
    ? []
    : [
        [b[0], b[1]],
        [b[2], b[3]],
      ];

export interface WatchlistMapProps {
  countries: readonly WatchlistCountry[];
  mode: ColourMode;
  /** The region chosen ('' for the world): the map frames its countries. */
  region: string;
  label: string;
  /** What a hovered country shows beside the pointer (mouse users; the list carries the same). */
  describe: (country: WatchlistCountry) => string;
  onPick: (iso3: string) => void;
}

interface Hover {
  text: string;
  x: number;
  y: number;
}

/** MapLibre choropleth of the watchlist over Natural Earth boundaries; a click opens the country. */
export function WatchlistMap({ countries, mode, region, label, describe, onPick }: WatchlistMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const boundaries = useQuery({ queryKey: ['world-boundaries'], queryFn: loadWorldBoundaries, staleTime: Infinity });
  const latest = useRef({ countries, describe, onPick });
  const fittedFor = useRef<string | null>(null);
  const frame = useRef<{ bounds: Bounds; moved: boolean }>({ bounds: WORLD, moved: false });
  useEffect(() => {
    latest.current = { countries, describe, onPick };
  }, [countries, describe, onPick]);

  useEffect(() => {
    if (containerRef.current === null) return;
    const created = new maplibregl.Map({
      container: containerRef.current,
      style: createWatchlistStyle(),
      bounds: WORLD,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      renderWorldCopies: false,
    });
    created.touchZoomRotate.disableRotation();
    created.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const find = (e: maplibregl.MapLayerMouseEvent) => {
      const iso3: unknown = e.features?.[0]?.properties['a3'];
      return latest.current.countries.find((c) => c.iso3 === iso3);
    };
    created.on('click', COUNTRIES_LAYER, (e) => {
      const country = find(e);
      if (country) latest.current.onPick(country.iso3);
    });
    created.on('mousemove', COUNTRIES_LAYER, (e) => {
      const country = find(e);
      created.getCanvas().style.cursor = country ? 'pointer' : '';
      created.setFilter(HOVER_LAYER, ['==', ['get', 'a3'], country?.iso3 ?? '']);
      // The tip follows the pointer: its offset is measured from the inline start (the right in Arabic).
      const canvas = created.getCanvasContainer();
      const x = getComputedStyle(canvas).direction === 'rtl' ? canvas.clientWidth - e.point.x : e.point.x;
      setHover(country ? { text: latest.current.describe(country), x, y: e.point.y } : null);
    });
    created.on('mouseleave', COUNTRIES_LAYER, () => {
      created.getCanvas().style.cursor = '';
      created.setFilter(HOVER_LAYER, ['==', ['get', 'a3'], '']);
      setHover(null);
    });
    created.on('load', () => {
      window.__tocsinWatchlistMap = created;
      setMap(created);
    });
    return () => {
      if (window.__tocsinWatchlistMap === created) delete window.__tocsinWatchlistMap;
      fittedFor.current = null;
      setMap(null);
      created.remove();
    };
  }, []);

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);

  useEffect(() => {
    if (map === null || boundaries.data === undefined) return;
    void map.getSource<maplibregl.GeoJSONSource>(COUNTRIES_SOURCE)?.setData(boundaries.data.shapes);
    void map.getSource<maplibregl.GeoJSONSource>(BORDERS_SOURCE)?.setData(boundaries.data.borders);
  }, [map, boundaries.data]);

  useEffect(() => {
    if (map === null) return;
    map.setPaintProperty(COUNTRIES_LAYER, 'fill-color', fillColour(countries.map((c) => [c.iso3, colourOf(c, mode)])));
  }, [map, countries, mode]);

  // Frame the chosen region's countries (or the world) once each time the region changes.
  useEffect(() => {
    if (map === null || boundaries.data === undefined || fittedFor.current === region) return;
    fittedFor.current = region;
    const all = boundaries.data.bounds;
    const corners = region === '' ? [] : countries.flatMap((c) => cornersOf(all.get(c.iso3)));
    frame.current = { bounds: boundsOf(corners) ?? WORLD, moved: false };
    map.fitBounds(frame.current.bounds, FIT);
  }, [map, boundaries.data, region, countries]);

  // Keep the frame when the map changes size (a phone turned sideways), until the user moves the map.
  useEffect(() => {
    if (map === null) return;
    const onMove = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent !== undefined) frame.current.moved = true;
    };
    const onResize = () => {
      if (!frame.current.moved) map.fitBounds(frame.current.bounds, FIT);
    };
    map.on('movestart', onMove);
    map.on('resize', onResize);
    return () => {
      map.off('movestart', onMove);
      map.off('resize', onResize);
    };
  }, [map]);

  return (
    <div className="watchlist-map-frame">
      <div ref={containerRef} className="watchlist-map" data-map-ready={map !== null} data-testid="watchlist-map" />
      {hover && (
        <div className="watchlist-map-tip" aria-hidden style={{ insetInlineStart: hover.x + 12, insetBlockStart: hover.y + 12 }}>
          {hover.text}
        </div>
      )}
    </div>
  );
}
