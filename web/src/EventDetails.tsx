import { useEffect, type ReactNode } from 'react';
import type { EventActor } from './api-schemas.js';
import { useEvent } from './events-queries.js';
import { formatDates, formatPlace } from './format.js';
import { useLocale, useT } from './i18n/LocaleProvider.js';

type Messages = ReturnType<typeof useT>;

const number = (n: number | null, locale: string): string => (n === null ? '—' : n.toLocaleString(locale));

function actorText(t: Messages, actor: EventActor | null): string {
  if (actor === null) return t.unknown;
  const kinds = [actor.isState && t.details.state, actor.isCivilian && t.details.civilian].filter(Boolean);
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
  const t = useT();
  const { locale } = useLocale();
  const event = useEvent(id);

  useEffect(() => {
    const closeOnEscape = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <section className="event-details" aria-labelledby="event-details-title" data-testid="event-details">
      <header>
        <h2 id="event-details-title">{t.details.title}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t.details.close}>
          ×
        </button>
      </header>
      {event.isPending && <p className="muted">{t.loading}</p>}
      {event.isError && <p role="alert">{t.errors.loadFailed(t.details.title.toLowerCase())}</p>}
      {event.data && (
        <dl>
          <Field label={t.details.date}>{formatDates(event.data)}</Field>
          <Field label={t.details.category}>{t.categories[event.data.category]}</Field>
          <Field label={t.details.place}>{formatPlace(event.data) || t.unknown}</Field>
          <Field label={t.details.precision}>{t.precisions[event.data.locationPrecision]}</Field>
          {event.data.latitude !== null && event.data.longitude !== null && (
            <Field label={t.details.coordinates}>
              {event.data.latitude.toFixed(4)}, {event.data.longitude.toFixed(4)}
            </Field>
          )}
          <Field label={t.details.perpetrator}>{actorText(t, event.data.perpetrator)}</Field>
          <Field label={t.details.target}>{actorText(t, event.data.target)}</Field>
          <Field label={t.details.fatalities}>
            {t.details.fatalitiesValue(
              number(event.data.fatalities.best, locale),
              number(event.data.fatalities.low, locale),
              number(event.data.fatalities.high, locale),
            )}
          </Field>
          <Field label={t.details.source}>
            {t.sources[event.data.source]} #{event.data.sourceId}
          </Field>
          <Field label={t.details.sourceCategory}>{event.data.sourceCategory}</Field>
          {event.data.description !== null && <Field label={t.details.description}>{event.data.description}</Field>}
          {event.data.citations.length > 0 && (
            <Field label={t.details.citations}>
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
