import { VIOLENCE_CATEGORIES, type EventPoints } from './api-schemas.js';
import { CATEGORY_COLOURS } from './categories.js';
import { useLocale, useT } from './i18n/LocaleProvider.js';
import { FATALITY_RADIUS_STOPS } from './map/map-style.js';

const SIZE_EXAMPLES = FATALITY_RADIUS_STOPS.filter(([fatalities]) => fatalities > 0);

/** Colour key with a count per category, the size key, and what the map leaves out. */
export function MapLegend({ points }: { points: EventPoints | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const counts = new Map<string, number>();
  for (const point of points?.features ?? []) {
    counts.set(point.properties.category, (counts.get(point.properties.category) ?? 0) + 1);
  }
  const shown = VIOLENCE_CATEGORIES.filter((category) => counts.has(category));

  return (
    <aside className="map-legend" aria-label={t.map.legend}>
      {shown.length > 0 && (
        <>
          <h2>{t.map.legendTitle}</h2>
          <ul className="legend-categories">
            {shown.map((category) => (
              <li key={category}>
                <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden />
                {t.categories[category]}
                <span className="legend-count">{(counts.get(category) ?? 0).toLocaleString(locale)}</span>
              </li>
            ))}
          </ul>
          <h2>{t.map.sizeTitle}</h2>
          <ul className="legend-sizes">
            {SIZE_EXAMPLES.map(([fatalities, radius]) => (
              <li key={fatalities}>
                <span className="size-swatch" style={{ width: radius * 2, height: radius * 2 }} aria-hidden />
                {fatalities.toLocaleString(locale)}
              </li>
            ))}
          </ul>
        </>
      )}
      {points !== undefined && points.unmapped > 0 && (
        <p className="legend-note" data-testid="unmapped-note">
          {t.map.unmapped(points.unmapped)}
        </p>
      )}
      {points?.truncated === true && <p className="legend-note warning">{t.map.truncated(points.features.length)}</p>}
    </aside>
  );
}
