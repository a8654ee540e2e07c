import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { CountryForecast, CountryInfo } from './api.js';
import { nationalAssessments } from './assessment-trend.js';
import { ForecastExplanation } from './ForecastExplanation.js';
import { levelName, levelTone } from './levels.js';
import { countryMessages } from './messages.js';
import { useForecast, usePublishedAssessments } from './queries.js';
import { QueryGate, Section } from './Section.js';

/** The country's name and region, its current level and forecast, and why the forecast is what it is. */
export function CountryHeader({ country }: { country: CountryInfo }) {
  const m = useMessages(countryMessages);
  const forecast = useForecast(country.iso3);
  return (
    <>
      <header className="page-head country-head">
        <div>
          <h1>{country.name}</h1>
          <p className="hint">
            {m.region}: {m.regions[country.region] ?? country.region} · {country.iso3}
          </p>
        </div>
      </header>
      <div className="country-summary">
        <CurrentLevel iso3={country.iso3} />
        <div className="panel country-card" data-testid="country-forecast">
          <h2>{m.header.forecast}</h2>
          <QueryGate queries={[forecast]}>
            {() => (forecast.data ? <ForecastFigures forecast={forecast.data} /> : <p>{m.header.noForecast}</p>)}
          </QueryGate>
        </div>
      </div>
      {forecast.data && (
        <Section id="country-explanation" title={m.explanation.title}>
          <ForecastExplanation forecast={forecast.data} />
        </Section>
      )}
    </>
  );
}

function CurrentLevel({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const assessments = usePublishedAssessments(iso3);
  return (
    <div className="panel country-card" data-testid="country-level">
      <h2>{m.header.level}</h2>
      <QueryGate queries={[assessments]}>
        {() => {
          const newest = nationalAssessments(assessments.data ?? [])[0];
          if (newest === undefined) return <p>{m.header.noLevel}</p>;
          return (
            <>
              <p className="country-figure">
                <span className={levelTone(newest.level)}>{levelName(m, newest.level)}</span>
              </p>
              <p className="hint">
                {format.date(newest.periodStart)} – {format.date(newest.periodEnd)}
                {newest.publishedAt !== null && ` · ${m.header.published(format.date(newest.publishedAt))}`}
              </p>
            </>
          );
        }}
      </QueryGate>
    </div>
  );
}

function ForecastFigures({ forecast }: { forecast: CountryForecast }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const points = (p: number) => format.number(Math.round(Math.abs(p) * 1000) / 10);
  const change =
    forecast.change === null
      ? m.header.noPrevious
      : Math.abs(forecast.change) < 0.0005
        ? m.header.changeNone
        : forecast.change > 0
          ? m.header.changeUp(points(forecast.change))
          : m.header.changeDown(points(forecast.change));
  return (
    <>
      <p className="country-figure">
        <strong>{format.percent(forecast.probability)}</strong>{' '}
        <span className="hint">{m.header.forecastMeaning(forecast.year + 1, forecast.year + 2)}</span>
      </p>
      <p>
        {m.header.rank(format.number(forecast.rank), format.number(forecast.countries))} · {change}
      </p>
      <p className="hint">{m.header.model(forecast.modelName, forecast.year)}</p>
    </>
  );
}
