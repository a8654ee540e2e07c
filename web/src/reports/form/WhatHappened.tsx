import { useMessages } from '../../i18n/LocaleProvider.js';
import { ACTS } from '../vocabulary.js';
import type { GroupOption } from './api.js';
import { CheckField, fieldId, TextAreaField, TextField } from './Field.js';
import type { FormPartProps } from './form-part.js';
import { reportFormMessages } from './messages.js';

/** What was done (at least one act), told in words without names, and how many were killed. */
export function WhatHappened({ draft, update, errorOf, groups }: FormPartProps & { groups: GroupOption[] | null }) {
  const t = useMessages(reportFormMessages);
  const actsError = errorOf('acts');
  const toggle = (id: number, on: boolean) =>
    update({ groups: on ? [...draft.groups, id] : draft.groups.filter((g) => g !== id) });
  return (
    <fieldset className="section">
      <legend>{t.what}</legend>
      <fieldset
        id={fieldId('acts')}
        tabIndex={-1}
        className="choices"
        aria-describedby={actsError ? `${fieldId('acts')}-error` : undefined}
      >
        <legend>{t.acts}</legend>
        {ACTS.map((act) => (
          <CheckField
            key={act}
            field={`acts.${act}`}
            label={t.actNames[act]}
            checked={draft.acts.includes(act)}
            onChange={(on) => update({ acts: on ? [...draft.acts, act] : draft.acts.filter((a) => a !== act) })}
          />
        ))}
        {actsError && (
          <p id={`${fieldId('acts')}-error`} className="field-error">
            {actsError}
          </p>
        )}
      </fieldset>
      <TextAreaField
        field="description"
        label={t.description}
        hint={t.descriptionHint}
        rows={6}
        maxLength={20_000}
        value={draft.description}
        onChange={(e) => update({ description: e.target.value })}
      />
      <TextField
        field="fatalities"
        label={t.fatalities}
        hint={t.unknownLeaveEmpty}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={draft.fatalities}
        onChange={(e) => update({ fatalities: e.target.value })}
        error={errorOf('fatalities')}
      />
      {groups !== null && draft.country !== '' && (
        <fieldset className="choices">
          <legend>{t.groups}</legend>
          {groups.length === 0 && <p className="hint">{t.noGroups}</p>}
          {groups.map((g) => (
            <CheckField
              key={g.id}
              field={`groups.${g.id}`}
              label={g.name}
              checked={draft.groups.includes(g.id)}
              onChange={(on) => toggle(g.id, on)}
            />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
