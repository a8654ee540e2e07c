import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { navigate, useSearchParams } from '../router.js';
import { fetchWatchlist, type WatchlistCountry } from './api.js';
import { MapKey } from './MapKey.js';
import { watchlistMessages } from './messages.js';
import { WatchlistControls } from './WatchlistControls.js';
import { WatchlistMap } from './WatchlistMap.js';
import { WatchlistTable } from './WatchlistTable.js';
import {
  COLOUR_MODES,
  defaultColourMode,
  inRegion,
  oneOf,
  regionsOf,
  sortCountries,
  SORT_KEYS,
  trendTotal,
} from './watchlist-model.js';
import './watchlist.css';
import { LoadFailed } from '../LoadFailed.js';

/** The start page: a world map coloured by level or forecast, and the ranked list of countries beside it. */
export default function WatchlistPage() {
  const t = useMessages(watchlistMessages);
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  usePageTitle(t.title);
  const params = useSearchParams();
  const watchlist = useQuery({ queryKey: ['watchlist'], queryFn: fetchWatchlist });
  const all = useMemo(() => watchlist.data?.countries ?? [], [watchlist.data]);
  const regions = useMemo(() => regionsOf(all), [all]);
  const region = regions.find((r) => r === params.get('region')) ?? '';
  const sort = oneOf(SORT_KEYS, params.get('sort'));
  const mode = params.has('colour') ? oneOf(COLOUR_MODES, params.get('colour')) : defaultColourMode(all);
  const shown = useMemo(() => inRegion(all, region), [all, region]);
  const sorted = useMemo(() => sortCountries(shown, sort, locale), [shown, sort, locale]);

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    const query = next.toString();
    navigate(query === '' ? '/watchlist' : `/watchlist?${query}`, { replace: true });
  };
  const describe = useCallback(
    (c: WatchlistCountry) => {
      const figure =
        mode === 'level'
          ? c.assessment
            ? t.levels[c.assessment.level]
            : t.noAssessment
          : c.forecast
            ? format.percent(c.forecast.probability, 1)
            : t.noForecast;
      return `${c.name}: ${figure} · ${t.incidents(trendTotal(c.trend))}`;
    },
    [mode, t, format],
  );

  return (
    <div className="page watchlist-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      {watchlist.isError && <LoadFailed what={t.title} error={watchlist.error} retry={() => void watchlist.refetch()} />}
      {watchlist.isPending && <p role="status">{core.loading}</p>}
      {watchlist.isSuccess && (
        <>
          <WatchlistControls mode={mode} region={region} regions={regions} sort={sort} onChange={choose} />
          <div className="watchlist-layout">
            <section className="panel watchlist-map-panel" aria-labelledby="watchlist-map-title">
              <h2 id="watchlist-map-title">{t.mapTitle}</h2>
              <WatchlistMap
                countries={shown}
                mode={mode}
                region={region}
                label={t.mapLabel(t.modes[mode])}
                describe={describe}
                onPick={(iso3) => navigate(`/countries/${iso3}`)}
              />
              <p className="hint">{t.mapHint}</p>
              <MapKey mode={mode} model={watchlist.data.forecastModel} />
              <p className="hint">{core.map.boundaries}</p>
            </section>
            <section className="panel watchlist-list" aria-labelledby="watchlist-list-title">
              <h2 id="watchlist-list-title">{t.listTitle}</h2>
              <p className="hint" role="status">
                {all.length === 0 ? t.empty : shown.length === 0 ? t.emptyRegion : t.shown(shown.length, all.length)}
              </p>
              {sorted.length > 0 && <WatchlistTable countries={sorted} />}
              <p className="hint">
                {watchlist.data.forecastModel
                  ? t.modelNote(watchlist.data.forecastModel.name, String(watchlist.data.forecastModel.year))
                  : t.noModel}
              </p>
              <p className="hint">
                {watchlist.data.trendWeeks
                  ? t.trendNote(format.date(watchlist.data.trendWeeks.first), format.date(watchlist.data.trendWeeks.last))
                  : t.noTrend}
              </p>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
