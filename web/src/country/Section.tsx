import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMessages, useT } from '../i18n/LocaleProvider.js';
import { countryMessages } from './messages.js';

/** One part of the profile: a panel headed by an h2 that names it for assistive technology. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel country-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** "Loading…", or the failure with its reason and a retry, until every query has its data. */
export function QueryGate({ queries, children }: { queries: readonly UseQueryResult<unknown>[]; children: () => ReactNode }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const failed = queries.filter((q) => q.isError);
  if (failed.length > 0) {
    return (
      <div className="banner country-failure" role="alert">
        <p>
          {m.sectionFailed} {failed[0]!.error?.message}
        </p>
        <button type="button" onClick={() => failed.forEach((q) => void q.refetch())}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (queries.some((q) => q.isPending)) return <p className="hint">{t.loading}</p>;
  return <>{children()}</>;
}

/** The sentence a section shows when there is nothing to show yet. */
export const Empty = ({ children }: { children: ReactNode }) => <p className="country-empty">{children}</p>;

/** A box that scrolls its wide or long table; focusable, so keyboard users can scroll it too. */
export const ScrollBox = ({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) => (
  // tabIndex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
  <div className={`table-scroll ${className}`} tabIndex={0} role="region" aria-label={label}>
    {children}
  </div>
);
