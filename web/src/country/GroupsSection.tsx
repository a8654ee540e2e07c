import { useQuery } from '@tanstack/react-query';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { fetchGroupEvents, fetchGroups, type ProtectedGroup } from './api.js';
import { countryMessages } from './messages.js';
import { Empty, QueryGate, Section } from './Section.js';

const LATEST = 5;

/** The protected groups recorded for the country, and the latest events linked to each. */
export function GroupsSection({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const groups = useQuery({ queryKey: ['groups', iso3], queryFn: () => fetchGroups(iso3) });
  return (
    <Section id="country-groups" title={m.groups.title}>
      <QueryGate queries={[groups]}>
        {() =>
          (groups.data ?? []).length === 0 ? (
            <Empty>{m.groups.none}</Empty>
          ) : (
            <ul className="card-list">
              {groups.data!.map((g) => (
                <GroupCard key={g.id} group={g} />
              ))}
            </ul>
          )
        }
      </QueryGate>
    </Section>
  );
}

function GroupCard({ group }: { group: ProtectedGroup }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const format = useFormat();
  const events = useQuery({ queryKey: ['group-events', group.id], queryFn: () => fetchGroupEvents(group.id, LATEST) });
  return (
    <li className="card" data-testid="group-card">
      <h3>
        <bdi>{group.name}</bdi> <span className="badge">{m.groups.kinds[group.kind] ?? group.kind}</span>
      </h3>
      <p>
        <span className="card-label">{m.groups.areas}:</span>{' '}
        {group.areas.length === 0 ? m.groups.everywhere : <bdi>{group.areas.join(', ')}</bdi>}
      </p>
      {group.notes !== '' && (
        <p className="country-prose" dir="auto">
          {group.notes}
        </p>
      )}
      <QueryGate queries={[events]}>
        {() => {
          const page = events.data!;
          const total = page.total ?? page.items.length;
          if (total === 0) return <p className="hint">{m.groups.noEvents}</p>;
          const count = page.totalIsLowerBound === true ? m.groups.atLeast(format.number(total)) : format.number(total);
          return (
            <>
              <p>{m.groups.linked(count)}</p>
              <h4 className="card-label">{m.groups.latest}</h4>
              <ul className="group-events">
                {page.items.map((e) => (
                  <li key={e.id}>
                    {m.groups.event(
                      format.date(e.dateStart),
                      [e.location, e.admin1].filter(Boolean).join(', ') || t.unknown,
                      t.categories[e.category],
                      e.fatalities.best === null ? t.unknown : format.number(e.fatalities.best),
                    )}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryGate>
    </li>
  );
}
