import { useId, useState } from 'react';
import { EWP_PREDICTOR_LABELS } from '../../../src/forecast/product/predictor-labels.js';
import { useFormat, useLocale, useMessages } from '../i18n/LocaleProvider.js';
import type { Contribution, CountryForecast } from './api.js';
import { barShares, MAIN_PREDICTORS, rankContributions, signedLogOdds } from './contributions.js';
import { countryMessages, type CountryMessages } from './messages.js';

/**
 * The forecast's explanation as a diverging bar list: predictors that raise the risk extend
 * towards the inline end, those that lower it towards the inline start (so Arabic mirrors it), and
 * each row also says it in words and numbers, so the colour and side are never the only carriers.
 */
export function ForecastExplanation({ forecast }: { forecast: CountryForecast }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  const ranked = rankContributions(forecast.contributions);
  const shown = showAll ? ranked : ranked.slice(0, MAIN_PREDICTORS);
  const shares = barShares(shown);
  if (ranked.length === 0) return <p>{m.explanation.none}</p>;
  return (
    <>
      <p className="hint">{m.explanation.intro(format.percent(forecast.baselineProbability))}</p>
      <div className="contribution-key" aria-hidden>
        <span>{m.explanation.lowers}</span>
        <span>{m.explanation.raises}</span>
      </div>
      <ol className="contributions" id={listId}>
        {shown.map((c, i) => (
          <ContributionRow key={c.predictor} contribution={c} share={shares[i] ?? 0} m={m} />
        ))}
      </ol>
      {ranked.length > MAIN_PREDICTORS && (
        <button type="button" className="link" aria-controls={listId} onClick={() => setShowAll(!showAll)}>
          {showAll ? m.explanation.showMain : m.explanation.showAll(ranked.length)}
        </button>
      )}
    </>
  );
}

function ContributionRow({ contribution: c, share, m }: { contribution: Contribution; share: number; m: CountryMessages }) {
  const { locale } = useLocale();
  const two = (n: number) => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const short = (n: number) => n.toLocaleString(locale, { maximumSignificantDigits: 3 });
  const raises = c.contribution > 0;
  const isFlag = EWP_PREDICTOR_LABELS[c.predictor]?.kind === 'flag' && (c.value === 0 || c.value === 1);
  const value = isFlag
    ? c.value === 1
      ? m.explanation.yes
      : m.explanation.no
    : m.explanation.measure(short(c.value), short(c.mean));
  const bar = <span className={`contribution-bar ${raises ? 'raises' : 'lowers'}`} style={{ inlineSize: `${share * 100}%` }} />;
  return (
    <li className="contribution">
      <span className="contribution-label">
        {m.predictors[c.predictor] ?? c.predictor}: <span className="contribution-value">{value}</span>
      </span>
      <span className="contribution-track" aria-hidden>
        <span className="contribution-half lowers-half">{!raises && bar}</span>
        <span className="contribution-half raises-half">{raises && bar}</span>
      </span>
      <span className="contribution-amount">
        {m.explanation.contribution(signedLogOdds(c.contribution, two))}
        <span className="visually-hidden"> ({raises ? m.explanation.raises : m.explanation.lowers})</span>
      </span>
    </li>
  );
}
