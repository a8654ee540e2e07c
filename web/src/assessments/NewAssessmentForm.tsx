import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Country } from '../api-schemas.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { navigate } from '../router.js';
import { createAssessment } from './api.js';
import { defaultPeriod, isPeriod } from './assessment-model.js';
import { assessmentsMessages } from './messages.js';
import { PeriodFields } from './PeriodFields.js';
import { ASSESSMENTS_KEY, assessmentKey } from './queries.js';

/** Opens a draft for a country and a period, then goes to its form. */
export function NewAssessmentForm({ countries, onCancel }: { countries: readonly Country[]; onCancel: () => void }) {
  const t = useMessages(assessmentsMessages);
  const id = useId();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState('');
  const [period, setPeriod] = useState(() => defaultPeriod(new Date().toISOString().slice(0, 10)));
  const [admin1, setAdmin1] = useState('');
  const create = useMutation({
    mutationFn: createAssessment,
    onSuccess: (view) => {
      queryClient.setQueryData(assessmentKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: ASSESSMENTS_KEY });
      navigate(`/assessments/${view.id}`);
    },
  });
  const periodOk = isPeriod(period.periodStart, period.periodEnd);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (country === '' || !periodOk) return;
    create.mutate({ country, admin1: admin1.trim() === '' ? null : admin1.trim(), ...period });
  };

  return (
    <section className="panel new-assessment" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.create.title}</h2>
      <p className="hint">{t.create.intro}</p>
      <form className="form-grid new-assessment-form" onSubmit={submit}>
        <label htmlFor={`${id}-country`}>{t.create.country}</label>
        <select id={`${id}-country`} required value={country} onChange={(e) => setCountry(e.target.value)}>
          <option value="">{t.create.chooseCountry}</option>
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c.name}
            </option>
          ))}
        </select>
        <PeriodFields
          id={id}
          fromLabel={t.create.from}
          toLabel={t.create.to}
          period={period}
          onChange={setPeriod}
          errorId={periodOk ? undefined : `${id}-period-error`}
        />
        {!periodOk && (
          <p id={`${id}-period-error`} className="form-error" role="alert">
            {t.create.invalidPeriod}
          </p>
        )}
        <label htmlFor={`${id}-admin1`}>{t.create.admin1}</label>
        <input
          id={`${id}-admin1`}
          value={admin1}
          aria-describedby={`${id}-admin1-hint`}
          onChange={(e) => setAdmin1(e.target.value)}
        />
        <p id={`${id}-admin1-hint`} className="hint">
          {t.create.admin1Hint}
        </p>
        {create.isError && (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || country === '' || !periodOk}>
            {create.isPending ? t.create.submitting : t.create.submit}
          </button>
          <button type="button" onClick={onCancel}>
            {t.create.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
