import { useMessages } from '../i18n/LocaleProvider.js';
import { watchlistMessages } from './messages.js';
import { sparklinePoints, trendTotal } from './watchlist-model.js';

const WIDTH = 104;
const HEIGHT = 24;

/** A country's 52-week trend as a line, with its total in words (the line alone carries no number). */
export function Sparkline({ trend }: { trend: readonly number[] }) {
  const t = useMessages(watchlistMessages);
  const total = trendTotal(trend);
  const peak = Math.max(0, ...trend);
  return (
    <span className="sparkline">
      <svg width={WIDTH} height={HEIGHT} viewBox={`-1 -1 ${WIDTH + 2} ${HEIGHT + 2}`} aria-hidden focusable="false">
        <polyline points={sparklinePoints(trend, WIDTH, HEIGHT)} />
      </svg>
      <span aria-hidden>{t.incidents(total)}</span>
      <span className="visually-hidden">{t.trendLabel(total, peak)}</span>
    </span>
  );
}
