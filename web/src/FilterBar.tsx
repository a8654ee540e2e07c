import type { ReactNode } from 'react';
import { EVENT_SOURCES, VIOLENCE_CATEGORIES } from './api-schemas.js';
import { useCountries } from './events-queries.js';
import { EMPTY_FILTERS, hasAnyFilter, type EventFilters } from './filters.js';
import { useT } from './i18n/LocaleProvider.js';

export interface FilterBarProps {
  filters: EventFilters;
  onChange: (filters: EventFilters) => void;
}

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="filter-field">
    <label htmlFor={id}>{label}</label>
    {children}
  </div>
);

/** The event filters; every change applies at once. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const t = useT();
  const countries = useCountries();
  const set = <K extends keyof EventFilters>(key: K, value: EventFilters[K]) => onChange({ ...filters, [key]: value });

  return (
    <form className="filter-bar" aria-label={t.filters.title} onSubmit={(e) => e.preventDefault()}>
      <Field id="filter-country" label={t.filters.country}>
        <select
          id="filter-country"
          value={filters.country}
          onChange={(e) => set('country', e.target.value)}
          disabled={countries.isPending}
        >
          <option value="">{t.filters.allCountries}</option>
          {countries.data?.map((country) => (
            <option key={country.iso3} value={country.iso3}>
              {country.name} ({country.iso3})
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-from" label={t.filters.from}>
        <input
          id="filter-from"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </Field>
      <Field id="filter-to" label={t.filters.to}>
        <input
          id="filter-to"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </Field>
      <Field id="filter-category" label={t.filters.category}>
        <select
          id="filter-category"
          value={filters.category}
          onChange={(e) => set('category', VIOLENCE_CATEGORIES.find((c) => c === e.target.value) ?? '')}
        >
          <option value="">{t.filters.any}</option>
          {VIOLENCE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t.categories[category]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-source" label={t.filters.source}>
        <select
          id="filter-source"
          value={filters.source}
          onChange={(e) => set('source', EVENT_SOURCES.find((s) => s === e.target.value) ?? '')}
        >
          <option value="">{t.filters.any}</option>
          {EVENT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t.sources[source]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-min-fatalities" label={t.filters.minFatalities}>
        <input
          id="filter-min-fatalities"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={filters.minFatalities}
          onChange={(e) => set('minFatalities', e.target.value.replace(/\D/g, ''))}
        />
      </Field>
      <button type="button" className="filter-reset" onClick={() => onChange(EMPTY_FILTERS)} disabled={!hasAnyFilter(filters)}>
        {t.filters.reset}
      </button>
    </form>
  );
}
