import { useQuery } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import type { EventPoints } from './api-schemas.js';
import { useT } from './i18n/LocaleProvider.js';
import { loadWorldBoundaries } from './map/load-world-boundaries.js';
import {
  BORDERS_SOURCE,
  COUNTRIES_SOURCE,
  createMapStyle,
  EVENTS_LAYER,
  EVENTS_SOURCE,
  FOCUS_COUNTRY_LAYER,
  FOCUS_OUTLINE_SOURCE,
  SELECTED_EVENT_LAYER,
} from './map/map-style.js';
import { viewFor } from './map/map-view.js';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The events map, for browser tests and for analysts' console work. */
    __tocsinMap?: maplibregl.Map;
  }
}

/** Room around fitted bounds; on wide maps the legend covers the lower left, so keep clear of it. */
const fitPadding = (map: maplibregl.Map): maplibregl.PaddingOptions =>
  map.getContainer().clientWidth > 720
    ? { top: 40, right: 60, bottom: 40, left: 290 }
    : { top: 24, right: 48, bottom: 24, left: 24 };

export interface EventMapProps {
  points: EventPoints | undefined;
  /** True while `points` still belong to the previous filters. */
  pointsAreStale: boolean;
  focusCountry: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** MapLibre map of the event points over Natural Earth country boundaries. */
export function EventMap({ points, pointsAreStale, focusCountry, selectedId, onSelect }: EventMapProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const label = t.map.label;
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);
  const boundaries = useQuery({ queryKey: ['world-boundaries'], queryFn: loadWorldBoundaries, staleTime: Infinity });
  const fittedFor = useRef<string | null>(null);

  useEffect(() => {
    if (containerRef.current === null) return;
    const created = new maplibregl.Map({
      container: containerRef.current,
      style: createMapStyle(),
      bounds: [-20, -40, 60, 40],
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    created.touchZoomRotate.disableRotation();
    created.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    created.on('click', EVENTS_LAYER, (e) => {
      const id: unknown = e.features?.[0]?.properties['id'];
      if (typeof id === 'number') onSelectRef.current(id);
    });
    created.on('mouseenter', EVENTS_LAYER, () => (created.getCanvas().style.cursor = 'pointer'));
    created.on('mouseleave', EVENTS_LAYER, () => (created.getCanvas().style.cursor = ''));
    created.on('load', () => {
      window.__tocsinMap = created;
      setMap(created);
    });
    return () => {
      if (window.__tocsinMap === created) delete window.__tocsinMap;
      fittedFor.current = null;
      setMap(null);
      created.remove();
    };
  }, []);

  useEffect(() => {
    if (map === null || boundaries.data === undefined) return;
    void map.getSource<maplibregl.GeoJSONSource>(COUNTRIES_SOURCE)?.setData(boundaries.data.shapes);
    void map.getSource<maplibregl.GeoJSONSource>(BORDERS_SOURCE)?.setData(boundaries.data.borders);
  }, [map, boundaries.data]);

  useEffect(() => {
    if (map === null || points === undefined) return;
    void map.getSource<maplibregl.GeoJSONSource>(EVENTS_SOURCE)?.setData(points);
  }, [map, points]);

  useEffect(() => {
    if (map === null) return;
    map.setFilter(SELECTED_EVENT_LAYER, ['==', ['get', 'id'], selectedId ?? -1]);
  }, [map, selectedId]);

  useEffect(() => {
    if (map === null) return;
    map.setFilter(FOCUS_COUNTRY_LAYER, ['==', ['get', 'a3'], focusCountry]);
    const outline = boundaries.data?.outline(focusCountry);
    if (outline !== undefined) void map.getSource<maplibregl.GeoJSONSource>(FOCUS_OUTLINE_SOURCE)?.setData(outline);
  }, [map, focusCountry, boundaries.data]);

  // Frame the chosen country, or the events, once each time the country changes.
  useEffect(() => {
    if (map === null || fittedFor.current === focusCountry) return;
    const bounds = viewFor(focusCountry, boundaries.data, pointsAreStale ? undefined : points);
    if (bounds === null) return;
    fittedFor.current = focusCountry;
    map.fitBounds(bounds, { padding: fitPadding(map), maxZoom: 7, duration: 0 });
  }, [map, focusCountry, boundaries.data, points, pointsAreStale]);

  return <div ref={containerRef} className="event-map" data-map-ready={map !== null} data-testid="event-map" />;
}
