import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { EventDetails } from '../EventDetails.js';
import { useEventPoints } from '../events-queries.js';
import { EMPTY_FILTERS } from '../filters.js';
import { useMessages, useT } from '../i18n/LocaleProvider.js';
import { MapLegend } from '../MapLegend.js';
import { Link } from '../router.js';
import { countryMessages } from './messages.js';
import { Empty, QueryGate, Section } from './Section.js';

// MapLibre is most of the bundle: the profile's text shows first, the map follows.
const EventMap = lazy(() => import('../EventMap.js').then((module) => ({ default: module.EventMap })));

/** The events map of the events page, framed on this country, with a link to the full events view. */
export function CountryMap({ iso3 }: { iso3: string }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const filters = useMemo(() => ({ ...EMPTY_FILTERS, country: iso3 }), [iso3]);
  const points = useEventPoints(filters);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const closeDetails = useCallback(() => setSelectedId(null), []);
  const empty = points.data !== undefined && points.data.features.length === 0 && points.data.unmapped === 0;
  return (
    <Section id="country-map" title={m.map.title}>
      <p>
        <Link to={`/events?country=${iso3}`}>{m.map.openAll}</Link>
      </p>
      {points.isError && <QueryGate queries={[points]}>{() => null}</QueryGate>}
      {empty && <Empty>{m.chart.none}</Empty>}
      <div className="map-area country-map-area">
        <div className="map-frame">
          <Suspense fallback={<div className="event-map map-loading">{t.loading}</div>}>
            <EventMap
              points={points.data}
              pointsAreStale={points.isPlaceholderData}
              focusCountry={iso3}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          </Suspense>
          <MapLegend points={points.data} />
        </div>
        {selectedId !== null && <EventDetails id={selectedId} onClose={closeDetails} />}
      </div>
    </Section>
  );
}
