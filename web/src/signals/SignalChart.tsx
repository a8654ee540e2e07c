import { useQuery } from '@tanstack/react-query';
import { isSeriesCategory } from '../../../src/surveillance/series/series.js';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import { fetchSeries, type Signal } from './api.js';
import { signalsMessages } from './messages.js';
import { seriesWindow } from './queue.js';

const WIDTH = 640;
const HEIGHT = 170;
const PAD = { top: 12, bottom: 22, side: 6 };

/**
 * The weekly counts around a signal's week as bars, the signal's week marked in another colour
 * and with a text label (colour is never the only carrier), its upper bound as a dashed tick.
 * Only for weekly event signals; a surge of hateful posts has no weekly series.
 */
export function SignalChart({ signal }: { signal: Signal }) {
  const t = useMessages(signalsMessages);
  const format = useFormat();
  const charted = signal.frequency === 'weekly' && isSeriesCategory(signal.category) && signal.measure !== 'hateful-posts';
  const series = useQuery({
    queryKey: ['series', signal.country, signal.category],
    queryFn: () => fetchSeries(signal.country, signal.category),
    enabled: charted,
    staleTime: 5 * 60_000,
  });
  if (!charted || !series.isSuccess) return null;
  const values = signal.measure === 'fatalities' ? series.data.fatalities : series.data.incidents;
  const win = seriesWindow(series.data.periods, values, signal.week);
  if (win === null || win.periods.length === 0) return null;

  const top = Math.max(1, ...win.values, signal.upperbound ?? 0);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = (WIDTH - 2 * PAD.side) / win.values.length;
  const y = (v: number) => PAD.top + plotHeight - (v / top) * plotHeight;
  const x = (i: number) => PAD.side + i * step;
  const first = format.date(win.periods[0] ?? signal.week);
  const last = format.date(win.periods.at(-1) ?? signal.week);

  return (
    <section className="panel" aria-labelledby="signal-chart-title">
      <h2 id="signal-chart-title">{t.chartTitle}</h2>
      <svg
        className="signal-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t.chartSummary(t.measures[signal.measure], first, last)}
        direction="ltr"
      >
        {win.values.map((v, i) => (
          <rect
            key={win.periods[i]}
            className={i === win.index ? 'bar signal-bar' : 'bar'}
            x={x(i) + 1}
            y={y(v)}
            width={Math.max(1, step - 2)}
            height={Math.max(0, PAD.top + plotHeight - y(v))}
          />
        ))}
        {signal.upperbound !== null && (
          <line
            className="bound-tick"
            x1={x(win.index) - step * 0.4}
            x2={x(win.index) + step * 1.4}
            y1={y(signal.upperbound)}
            y2={y(signal.upperbound)}
          />
        )}
        <line className="axis" x1={PAD.side} x2={WIDTH - PAD.side} y1={PAD.top + plotHeight} y2={PAD.top + plotHeight} />
        <text className="chart-label" x={PAD.side} y={HEIGHT - 6}>
          {first}
        </text>
        <text className="chart-label" x={WIDTH - PAD.side} y={HEIGHT - 6} textAnchor="end">
          {last}
        </text>
        <text className="chart-label strong" x={x(win.index) + step / 2} y={PAD.top - 2} textAnchor="middle">
          ▼
        </text>
      </svg>
      <p className="chart-key">
        <span className="key-swatch signal" aria-hidden="true" /> {t.signalWeek}: {format.number(signal.observed)}
        {signal.upperbound !== null && (
          <>
            {' · '}
            <span className="key-swatch bound" aria-hidden="true" /> {t.boundMark}:{' '}
            {format.number(Math.round(signal.upperbound * 10) / 10)}
          </>
        )}
      </p>
    </section>
  );
}
