import { useMessages } from '../../i18n/LocaleProvider.js';
import { INVOLVEMENTS, VICTIM_KINDS } from '../vocabulary.js';
import type { GroupOption } from './api.js';
import { newPerpetrator, newVictim } from './draft.js';
import { CheckField, SelectField, TextAreaField, TextField } from './Field.js';
import type { FormPartProps } from './form-part.js';
import { reportFormMessages } from './messages.js';
import { Repeated } from './Repeated.js';

/** Who was affected and who did it, each described without names (this part is stored in clear). */
export function People({ draft, update, errorOf, groups }: FormPartProps & { groups: GroupOption[] | null }) {
  const t = useMessages(reportFormMessages);
  const groupOptions = (groups ?? []).map((g) => ({ value: String(g.id), label: g.name }));
  return (
    <>
      <fieldset className="section">
        <legend>{t.victims}</legend>
        <p className="hint">{t.victimsHint}</p>
        <Repeated
          items={draft.victims}
          onChange={(victims) => update({ victims })}
          create={newVictim}
          legend={t.victim}
          addLabel={t.addVictim}
          render={(v, i, patch) => (
            <>
              <SelectField
                field={`victims.${i}.kind`}
                label={t.victimKind}
                value={v.kind}
                options={VICTIM_KINDS.map((k) => ({ value: k, label: t.victimKinds[k] }))}
                onChange={(kind) => patch({ kind })}
              />
              <TextField
                field={`victims.${i}.count`}
                label={t.count}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={v.count}
                onChange={(e) => patch({ count: e.target.value })}
                error={errorOf(`victims.${i}.count`)}
              />
              <CheckField
                field={`victims.${i}.civilian`}
                label={t.civilian}
                checked={v.civilian}
                onChange={(civilian) => patch({ civilian })}
              />
              {groups !== null && groups.length > 0 && (
                <SelectField
                  field={`victims.${i}.groupId`}
                  label={t.victimGroup}
                  placeholder={t.noGroup}
                  value={v.groupId}
                  options={groupOptions}
                  onChange={(groupId) => patch({ groupId })}
                />
              )}
              <TextAreaField
                field={`victims.${i}.description`}
                label={t.describeNoNames}
                rows={2}
                maxLength={2000}
                value={v.description}
                onChange={(e) => patch({ description: e.target.value })}
              />
            </>
          )}
        />
      </fieldset>
      <fieldset className="section">
        <legend>{t.perpetrators}</legend>
        <Repeated
          items={draft.perpetrators}
          onChange={(perpetrators) => update({ perpetrators })}
          create={newPerpetrator}
          legend={t.perpetrator}
          addLabel={t.addPerpetrator}
          render={(p, i, patch) => (
            <>
              <TextField
                field={`perpetrators.${i}.actor`}
                label={t.actor}
                hint={t.actorHint}
                maxLength={200}
                value={p.actor}
                onChange={(e) => patch({ actor: e.target.value })}
              />
              <CheckField
                field={`perpetrators.${i}.state`}
                label={t.state}
                checked={p.state}
                onChange={(state) => patch({ state })}
              />
              <SelectField
                field={`perpetrators.${i}.involvement`}
                label={t.involvement}
                value={p.involvement}
                options={INVOLVEMENTS.map((k) => ({ value: k, label: t.involvements[k] }))}
                onChange={(involvement) => patch({ involvement })}
              />
              <TextAreaField
                field={`perpetrators.${i}.description`}
                label={t.describeNoNames}
                rows={2}
                maxLength={2000}
                value={p.description}
                onChange={(e) => patch({ description: e.target.value })}
              />
            </>
          )}
        />
      </fieldset>
    </>
  );
}
