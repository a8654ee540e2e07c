import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import { Link } from '../router.js';
import type { WatchlistCountry } from './api.js';
import { watchlistMessages } from './messages.js';
import { Sparkline } from './Sparkline.js';
import { LEVEL_COLOURS, rankGain, signedPoints } from './watchlist-model.js';

/** The ranked list: one row per country, every figure in words or numbers (colour only repeats them). */
export function WatchlistTable({ countries }: { countries: readonly WatchlistCountry[] }) {
  const t = useMessages(watchlistMessages);
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  /** The change since last year: short on screen, in words for screen readers. */
  const change = (f: NonNullable<WatchlistCountry['forecast']>) => {
    const gain = rankGain(f);
    const points = f.change === null ? null : signedPoints(f.change, locale);
    const short = [
      points === null ? null : t.pointsShort(points),
      gain === null ? null : gain > 0 ? t.rankUpShort(gain) : gain < 0 ? t.rankDownShort(-gain) : t.rankSameShort,
    ].filter((x) => x !== null);
    const words = [
      points === null ? null : t.points(points),
      gain === null ? null : gain > 0 ? t.rankUp(gain) : gain < 0 ? t.rankDown(-gain) : t.rankSame,
    ].filter((x) => x !== null);
    if (short.length === 0) return null;
    return (
      <div className="hint change">
        <span aria-hidden>{short.join(' · ')}</span>
        <span className="visually-hidden">{words.join('; ')}</span>
      </div>
    );
  };
  const c = t.columns;
  return (
    <div className="watchlist-table-wrap">
      <table className="data-table watchlist-table" data-testid="watchlist-table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {c.rank}
            </th>
            <th scope="col">{c.country}</th>
            <th scope="col" className="numeric">
              {c.forecast}
              <span className="th-hint">{t.forecastHint}</span>
            </th>
            <th scope="col">{c.level}</th>
            <th scope="col">
              {c.trend}
              <span className="th-hint">{t.trendHint}</span>
            </th>
            <th scope="col" className="numeric">
              {c.warnings}
            </th>
          </tr>
        </thead>
        <tbody>
          {countries.map((country) => (
            <tr key={country.iso3} data-iso3={country.iso3}>
              <td className="numeric" data-label={c.rank}>
                {country.forecast ? format.number(country.forecast.rank) : <span className="muted">{t.notRanked}</span>}
              </td>
              <th scope="row" data-label={c.country}>
                <Link to={`/countries/${country.iso3}`}>{country.name}</Link>
                {country.region !== null && <div className="hint">{t.regions[country.region] ?? country.region}</div>}
              </th>
              <td className="numeric" data-label={c.forecast}>
                {country.forecast ? (
                  <>
                    <strong>{format.percent(country.forecast.probability, 1)}</strong>
                    {change(country.forecast)}
                  </>
                ) : (
                  <span className="muted">{core.unknown}</span>
                )}
              </td>
              <td data-label={c.level}>
                {country.assessment ? (
                  <>
                    <span className="level">
                      <span className="swatch" style={{ background: LEVEL_COLOURS[country.assessment.level] }} aria-hidden />
                      {t.levels[country.assessment.level]}
                    </span>
                    <div className="hint">{t.asOf(format.date(country.assessment.periodEnd))}</div>
                  </>
                ) : (
                  <span className="muted">{t.noAssessment}</span>
                )}
              </td>
              <td className="trend" data-label={c.trend}>
                <Sparkline trend={country.trend} />
              </td>
              <td className="numeric" data-label={c.warnings}>
                {country.openWarnings > 0 ? (
                  <span className="badge danger">{t.warnings(country.openWarnings)}</span>
                ) : (
                  <span className="muted">{t.noWarnings}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
