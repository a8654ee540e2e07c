import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { SIGNAL_LIMIT } from './api.js';
import { countryMessages } from './messages.js';
import { useSignals } from './queries.js';
import { Empty, QueryGate, ScrollBox, Section } from './Section.js';
import { signalCategoryName } from './signal-names.js';

/** The country's signals as a table: the same weeks the chart marks, in words and numbers. */
export function SignalsList({ iso3 }: { iso3: string }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const format = useFormat();
  const signals = useSignals(iso3);
  return (
    <Section id="country-signals" title={m.signals.title}>
      <QueryGate queries={[signals]}>
        {() => {
          const list = signals.data ?? [];
          if (list.length === 0) return <Empty>{m.signals.none}</Empty>;
          return (
            <>
              <ScrollBox label={m.signals.caption} className="country-signals-table">
                <table className="data-table">
                  <caption className="visually-hidden">{m.signals.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.signals.week}</th>
                      <th scope="col">{m.signals.category}</th>
                      <th scope="col">{m.signals.measure}</th>
                      <th scope="col" className="numeric">
                        {m.signals.observed}
                      </th>
                      <th scope="col" className="numeric">
                        {m.signals.expected}
                      </th>
                      <th scope="col">{m.signals.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{format.date(s.week)}</th>
                        <td>{signalCategoryName(t, m, s.category)}</td>
                        <td>{m.signals.measures[s.measure] ?? s.measure}</td>
                        <td className="numeric">{format.number(s.observed)}</td>
                        <td className="numeric">
                          {s.upperbound === null ? '—' : format.number(Math.round(s.upperbound * 10) / 10)}
                        </td>
                        <td>
                          <span className={s.status === 'new' ? 'badge warn' : 'badge'}>
                            {m.signals.statuses[s.status] ?? s.status}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              {list.length >= SIGNAL_LIMIT && <p className="hint">{m.signals.more(list.length)}</p>}
            </>
          );
        }}
      </QueryGate>
    </Section>
  );
}
