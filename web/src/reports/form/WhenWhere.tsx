import { useMemo } from 'react';
import { useLocale, useMessages } from '../../i18n/LocaleProvider.js';
import { countryOptions } from './countries.js';
import { withCountry } from './draft.js';
import { SelectField, TextField } from './Field.js';
import type { FormPartProps } from './form-part.js';
import { reportFormMessages } from './messages.js';

/** When and where: dates as the phone's date picker, the country from a native list, the rest free text. */
export function WhenWhere({ draft, update, setDraft, errorOf }: FormPartProps) {
  const t = useMessages(reportFormMessages);
  const { locale } = useLocale();
  const countries = useMemo(() => countryOptions(locale).map((c) => ({ value: c.iso3, label: c.name })), [locale]);
  return (
    <>
      <fieldset className="section">
        <legend>{t.when}</legend>
        <TextField
          field="dateStart"
          label={t.dateStart}
          type="date"
          required
          value={draft.dateStart}
          onChange={(e) => update({ dateStart: e.target.value })}
          error={errorOf('dateStart')}
        />
        <TextField
          field="dateEnd"
          label={t.dateEnd}
          hint={t.dateEndHint}
          type="date"
          min={draft.dateStart || undefined}
          value={draft.dateEnd}
          onChange={(e) => update({ dateEnd: e.target.value })}
          error={errorOf('dateEnd')}
        />
      </fieldset>
      <fieldset className="section">
        <legend>{t.where}</legend>
        <SelectField
          field="country"
          label={t.country}
          required
          placeholder={t.chooseCountry}
          value={draft.country}
          options={countries}
          onChange={(country) => setDraft((d) => withCountry(d, country))}
          error={errorOf('country')}
        />
        <TextField
          field="admin1"
          label={t.admin1}
          value={draft.admin1}
          onChange={(e) => update({ admin1: e.target.value })}
          maxLength={200}
        />
        <TextField
          field="admin2"
          label={t.admin2}
          value={draft.admin2}
          onChange={(e) => update({ admin2: e.target.value })}
          maxLength={200}
        />
        <TextField
          field="location"
          label={t.location}
          value={draft.location}
          onChange={(e) => update({ location: e.target.value })}
          maxLength={200}
        />
        <fieldset className="coordinates" aria-describedby="report-coordinates-hint">
          <legend>{t.coordinates}</legend>
          <p className="hint" id="report-coordinates-hint">
            {t.coordinatesHint}
          </p>
          <div className="pair">
            <TextField
              field="latitude"
              label={t.latitude}
              type="number"
              step="any"
              min={-90}
              max={90}
              value={draft.latitude}
              onChange={(e) => update({ latitude: e.target.value })}
              error={errorOf('latitude')}
            />
            <TextField
              field="longitude"
              label={t.longitude}
              type="number"
              step="any"
              min={-180}
              max={180}
              value={draft.longitude}
              onChange={(e) => update({ longitude: e.target.value })}
              error={errorOf('longitude')}
            />
          </div>
        </fieldset>
      </fieldset>
    </>
  );
}
