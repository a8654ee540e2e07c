import { useMemo } from 'react';
import { useFormat, useLocale, useMessages, useT } from '../../i18n/LocaleProvider.js';
import { countryOptions } from '../form/countries.js';
import { reportFormMessages } from '../form/messages.js';
import type { Identity, Report } from './api.js';
import { actsText } from './labels.js';
import { reportsQueueMessages } from './messages.js';

/** What the report says, in clear, with the sealed parts as the reader's role gets them. */
export function ReportFacts({ report: r }: { report: Report }) {
  const t = useMessages(reportsQueueMessages);
  const form = useMessages(reportFormMessages);
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const country = useMemo(() => countryOptions(locale).find((c) => c.iso3 === r.country)?.name ?? r.country, [locale, r.country]);
  const groupName = (id: number | undefined) => r.groups.find((g) => g.id === id)?.name;
  return (
    <>
      <section className="panel" aria-labelledby="report-incident">
        <h2 id="report-incident">{t.incident}</h2>
        <dl className="facts">
          <dt>{t.when}</dt>
          <dd>
            {r.dateEnd === r.dateStart ? format.date(r.dateStart) : t.dateRange(format.date(r.dateStart), format.date(r.dateEnd))}
          </dd>
          <dt>{t.where}</dt>
          <dd>{[r.location, r.admin2, r.admin1, country].filter(Boolean).join(', ')}</dd>
          {r.latitude !== null && r.longitude !== null && (
            <>
              <dt>{t.coordinates}</dt>
              <dd dir="ltr">
                {r.latitude}, {r.longitude}
              </dd>
            </>
          )}
          <dt>{t.acts}</dt>
          <dd>{actsText(r.acts, form, locale)}</dd>
          <dt>{t.fatalities}</dt>
          <dd>{r.fatalities === null ? core.unknown : format.number(r.fatalities)}</dd>
          {r.groups.length > 0 && (
            <>
              <dt>{t.groups}</dt>
              <dd>{r.groups.map((g) => g.name).join(', ')}</dd>
            </>
          )}
          <dt>{t.submitted}</dt>
          <dd>
            {r.anonymous || r.submittedBy === null
              ? t.receivedAnonymously(format.dateTime(r.submittedAt))
              : t.receivedFrom(r.submittedBy, format.dateTime(r.submittedAt))}
          </dd>
        </dl>
        <h3>{t.description}</h3>
        <p className="report-description">{r.description === '' ? t.noDescription : r.description}</p>
      </section>

      <section className="panel" aria-labelledby="report-people">
        <h2 id="report-people">{t.victims}</h2>
        {r.victims.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="entries">
            {r.victims.map((v, i) => (
              <li key={i}>
                <strong>{form.victimKinds[v.kind]}</strong> · {t.number} {format.number(v.count)} ·{' '}
                {v.civilian ? t.civilians : t.combatants}
                {groupName(v.groupId) !== undefined && <> · {groupName(v.groupId)}</>}
                {v.description !== '' && <p>{v.description}</p>}
              </li>
            ))}
          </ul>
        )}
        <h2>{t.perpetrators}</h2>
        {r.perpetrators.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="entries">
            {r.perpetrators.map((p, i) => (
              <li key={i}>
                <strong>{p.actor ?? t.unidentified}</strong>
                {p.state && <> · {t.stateForces}</>} · {form.involvements[p.involvement]}
                {p.description !== '' && <p>{p.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <SealedParts report={r} />
    </>
  );
}

function IdentityText({ identity }: { identity: Identity }) {
  const t = useMessages(reportsQueueMessages);
  const parts = [identity.name, identity.contact, identity.notes].filter((x) => x !== undefined && x !== '');
  return <>{parts.length === 0 ? t.notGiven : parts.join(' · ')}</>;
}

/** The sources with their grades, and the identities: a "Sealed" mark, or what a cleared reader opened. */
export function SealedParts({ report: r, opened = false }: { report: Report; opened?: boolean }) {
  const t = useMessages(reportsQueueMessages);
  const form = useMessages(reportFormMessages);
  const sealedMark = <span className="badge warn">{t.sealedBadge}</span>;
  const c = r.confidential;
  return (
    <section className={opened ? 'panel opened' : 'panel'} aria-labelledby={opened ? 'report-opened' : 'report-sources'}>
      <h2 id={opened ? 'report-opened' : 'report-sources'}>{opened ? t.openedTitle : t.sources}</h2>
      {r.sources.length === 0 ? (
        <p className="hint">{t.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table sources-table">
            <caption className="visually-hidden">{t.sources}</caption>
            <thead>
              <tr>
                <th scope="col">{t.sources}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.grade}</th>
                <th scope="col">{t.identity}</th>
              </tr>
            </thead>
            <tbody>
              {r.sources.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.pseudonym}</th>
                  <td>{form.sourceKinds[s.kind]}</td>
                  <td>
                    <abbr
                      title={`${form.reliabilities[s.reliability]}; ${form.credibilities[s.credibility as keyof typeof form.credibilities] ?? s.credibility}`}
                    >
                      {s.grade}
                    </abbr>
                  </td>
                  <td>
                    {s.identity === null ? (
                      t.notGiven
                    ) : s.identity === 'sealed' ? (
                      sealedMark
                    ) : (
                      <IdentityText identity={s.identity} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.confidential}</h3>
      {c === null ? (
        <p className="hint">{t.none}</p>
      ) : c === 'sealed' ? (
        <p>
          {sealedMark} <span className="hint">{t.confidentialSealed}</span>
        </p>
      ) : (
        <dl className="facts">
          <dt>{t.namedVictims}</dt>
          <dd>
            {c.victims.length === 0
              ? t.notGiven
              : c.victims.map((v, i) => (
                  <p key={i}>
                    <IdentityText identity={v} />
                  </p>
                ))}
          </dd>
          <dt>{t.witnesses}</dt>
          <dd>
            {c.witnesses.length === 0
              ? t.notGiven
              : c.witnesses.map((w, i) => (
                  <p key={i}>
                    <IdentityText identity={w} />
                  </p>
                ))}
          </dd>
          {c.notes !== undefined && (
            <>
              <dt>{t.confidentialNotes}</dt>
              <dd>{c.notes}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
