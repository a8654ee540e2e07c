import { LEVELS } from '../assessments/vocabulary.js';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { Watchlist } from './api.js';
import { watchlistMessages } from './messages.js';
import { FORECAST_BINS, LEVEL_COLOURS, NO_DATA_COLOUR, type ColourMode } from './watchlist-model.js';

interface KeyEntry {
  colour: string;
  label: string;
}

/** What each colour of the map means, in words beside each swatch. */
export function MapKey({ mode, model }: { mode: ColourMode; model: Watchlist['forecastModel'] }) {
  const t = useMessages(watchlistMessages);
  const format = useFormat();
  const percent = (p: number) => format.percent(p, p < 0.01 ? 1 : 0);
  const entries: KeyEntry[] =
    mode === 'level'
      ? [...LEVELS].reverse().map((level) => ({ colour: LEVEL_COLOURS[level], label: t.levels[level] }))
      : FORECAST_BINS.map((bin, i) => {
          const next = FORECAST_BINS[i + 1];
          const label =
            next === undefined
              ? t.atLeast(percent(bin.from))
              : i === 0
                ? t.below(percent(next.from))
                : t.between(percent(bin.from), percent(next.from));
          return { colour: bin.colour, label };
        }).reverse();
  const title =
    mode === 'level'
      ? t.levelKeyTitle
      : model === null
        ? t.noModel
        : t.forecastKeyTitle(String(model.year + 1), String(model.year + 2));
  return (
    <section className="watchlist-key" aria-label={t.legend} data-testid="watchlist-key">
      <h3>{title}</h3>
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden />
            {e.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden />
          {mode === 'level' ? t.noAssessment : t.noForecast}
        </li>
      </ul>
    </section>
  );
}
