import { VIOLENCE_CATEGORIES, type EventPoints } from './api-schemas.js';
import { CATEGORY_COLOURS } from './categories.js';
import { en } from './i18n/en.js';
import { FATALITY_RADIUS_STOPS } from './map/map-style.js';

const SIZE_EXAMPLES = FATALITY_RADIUS_STOPS.filter(([fatalities]) => fatalities > 0);

/** Colour key with a count per category, the size key, and what the map leaves out. */
export function MapLegend({ points }: { points: EventPoints | undefined }) {
  const counts = new Map<string, number>();
  for (const point of points?.features ?? []) {
    counts.set(point.properties.category, (counts.get(point.properties.category) ?? 0) + 1);
  }
  const shown = VIOLENCE_CATEGORIES.filter((category) => counts.has(category));

  return (
    <aside className="map-legend" aria-label={en.map.legend}>
      {shown.length > 0 && (
        <>
          <h2>{en.map.legendTitle}</h2>
          <ul className="legend-categories">
            {shown.map((category) => (
              <li key={category}>
                <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden />
                {en.categories[category]}
                <span className="legend-count">{(counts.get(category) ?? 0).toLocaleString('en')}</span>
              </li>
            ))}
          </ul>
          <h2>{en.map.sizeTitle}</h2>
          <ul className="legend-sizes">
            {SIZE_EXAMPLES.map(([fatalities, radius]) => (
              <li key={fatalities}>
                <span className="size-swatch" style={{ width: radius * 2, height: radius * 2 }} aria-hidden />
                {fatalities.toLocaleString('en')}
              </li>
            ))}
          </ul>
        </>
      )}
      {points !== undefined && points.unmapped > 0 && (
        <p className="legend-note" data-testid="unmapped-note">
          {en.map.unmapped(points.unmapped)}
        </p>
      )}
      {points?.truncated === true && <p className="legend-note warning">{en.map.truncated(points.features.length)}</p>}
    </aside>
  );
}
