import { useEffect, type ReactNode } from 'react';
import type { EventActor } from './api-schemas.js';
import { useEvent } from './events-queries.js';
import { formatDates, formatPlace } from './format.js';
import { en } from './i18n/en.js';

const number = (n: number | null): string => (n === null ? en.unknown : n.toLocaleString('en'));

function actorText(actor: EventActor | null): string {
  if (actor === null) return en.unknown;
  const kinds = [actor.isState && en.details.state, actor.isCivilian && en.details.civilian].filter(Boolean);
  return kinds.length > 0 ? `${actor.name} (${kinds.join(', ')})` : actor.name;
}

/** A citation; only http(s) addresses become links, so a source cannot inject a script URL. */
const Citation = ({ text }: { text: string }) =>
  /^https?:\/\/\S+$/.test(text) ? (
    <a href={text} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <>{text}</>
  );

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

/** Side panel with everything known about one event; Escape closes it. */
export function EventDetails({ id, onClose }: { id: number; onClose: () => void }) {
  const event = useEvent(id);

  useEffect(() => {
    const closeOnEscape = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <section className="event-details" aria-labelledby="event-details-title" data-testid="event-details">
      <header>
        <h2 id="event-details-title">{en.details.title}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={en.details.close}>
          ×
        </button>
      </header>
      {event.isPending && <p className="muted">{en.loading}</p>}
      {event.isError && <p role="alert">{en.errors.loadFailed(en.details.title.toLowerCase())}</p>}
      {event.data && (
        <dl>
          <Field label={en.details.date}>{formatDates(event.data)}</Field>
          <Field label={en.details.category}>{en.categories[event.data.category]}</Field>
          <Field label={en.details.place}>{formatPlace(event.data) || en.unknown}</Field>
          <Field label={en.details.precision}>{en.precisions[event.data.locationPrecision]}</Field>
          {event.data.latitude !== null && event.data.longitude !== null && (
            <Field label={en.details.coordinates}>
              {event.data.latitude.toFixed(4)}, {event.data.longitude.toFixed(4)}
            </Field>
          )}
          <Field label={en.details.perpetrator}>{actorText(event.data.perpetrator)}</Field>
          <Field label={en.details.target}>{actorText(event.data.target)}</Field>
          <Field label={en.details.fatalities}>
            {en.details.fatalitiesValue(
              number(event.data.fatalities.best),
              number(event.data.fatalities.low),
              number(event.data.fatalities.high),
            )}
          </Field>
          <Field label={en.details.source}>
            {en.sources[event.data.source]} #{event.data.sourceId}
          </Field>
          <Field label={en.details.sourceCategory}>{event.data.sourceCategory}</Field>
          {event.data.description !== null && <Field label={en.details.description}>{event.data.description}</Field>}
          {event.data.citations.length > 0 && (
            <Field label={en.details.citations}>
              <ul className="citations">
                {event.data.citations.map((citation) => (
                  <li key={citation}>
                    <Citation text={citation} />
                  </li>
                ))}
              </ul>
            </Field>
          )}
        </dl>
      )}
    </section>
  );
}
