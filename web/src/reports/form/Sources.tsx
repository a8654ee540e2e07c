import { useMessages } from '../../i18n/LocaleProvider.js';
import { CREDIBILITIES, RELIABILITIES, SOURCE_KINDS } from '../vocabulary.js';
import { newIdentity, newSource, type IdentityDraft } from './draft.js';
import { SelectField, TextAreaField, TextField } from './Field.js';
import type { FormPartProps } from './form-part.js';
import { reportFormMessages } from './messages.js';
import { Repeated } from './Repeated.js';

/** Name, contact and notes of a person: the fields of every sealed identity. */
function IdentityFields({
  prefix,
  value,
  patch,
}: {
  prefix: string;
  value: IdentityDraft;
  patch: (c: Partial<IdentityDraft>) => void;
}) {
  const t = useMessages(reportFormMessages);
  return (
    <>
      <TextField
        field={`${prefix}.name`}
        label={t.name}
        autoComplete="off"
        maxLength={500}
        value={value.name}
        onChange={(e) => patch({ name: e.target.value })}
      />
      <TextField
        field={`${prefix}.contact`}
        label={t.contact}
        autoComplete="off"
        maxLength={500}
        value={value.contact}
        onChange={(e) => patch({ contact: e.target.value })}
      />
      <TextAreaField
        field={`${prefix}.notes`}
        label={t.notes}
        rows={2}
        maxLength={5000}
        value={value.notes}
        onChange={(e) => patch({ notes: e.target.value })}
      />
    </>
  );
}

/** The sources, graded on the Admiralty scale, with their identities sealed; then the names of victims and witnesses, sealed. */
export function Sources({ draft, update }: FormPartProps) {
  const t = useMessages(reportFormMessages);
  return (
    <>
      <fieldset className="section">
        <legend>{t.sources}</legend>
        <p className="hint">{t.sourcesHint}</p>
        <Repeated
          items={draft.sources}
          onChange={(sources) => update({ sources })}
          create={newSource}
          legend={t.source}
          addLabel={t.addSource}
          render={(s, i, patch) => (
            <>
              <SelectField
                field={`sources.${i}.kind`}
                label={t.sourceKind}
                value={s.kind}
                options={SOURCE_KINDS.map((k) => ({ value: k, label: t.sourceKinds[k] }))}
                onChange={(kind) => patch({ kind })}
              />
              <SelectField
                field={`sources.${i}.reliability`}
                label={t.reliability}
                value={s.reliability}
                options={RELIABILITIES.map((r) => ({ value: r, label: t.reliabilities[r] }))}
                onChange={(reliability) => patch({ reliability })}
              />
              <SelectField
                field={`sources.${i}.credibility`}
                label={t.credibility}
                value={s.credibility}
                options={CREDIBILITIES.map((c) => ({ value: String(c), label: t.credibilities[c] }))}
                onChange={(credibility) => patch({ credibility })}
              />
              <fieldset className="sealed">
                <legend>{t.sourceIdentity}</legend>
                <IdentityFields prefix={`sources.${i}`} value={s} patch={patch} />
              </fieldset>
            </>
          )}
        />
      </fieldset>
      <fieldset className="section sealed">
        <legend>{t.sealed}</legend>
        <p className="hint">{t.sealedHint}</p>
        <Repeated
          items={draft.namedVictims}
          onChange={(namedVictims) => update({ namedVictims })}
          create={newIdentity}
          legend={t.namedVictim}
          addLabel={t.addNamedVictim}
          render={(v, i, patch) => <IdentityFields prefix={`namedVictims.${i}`} value={v} patch={patch} />}
        />
        <Repeated
          items={draft.witnesses}
          onChange={(witnesses) => update({ witnesses })}
          create={newIdentity}
          legend={t.witness}
          addLabel={t.addWitness}
          render={(w, i, patch) => <IdentityFields prefix={`witnesses.${i}`} value={w} patch={patch} />}
        />
        <TextAreaField
          field="confidentialNotes"
          label={t.confidentialNotes}
          rows={3}
          maxLength={20_000}
          value={draft.confidentialNotes}
          onChange={(e) => update({ confidentialNotes: e.target.value })}
        />
      </fieldset>
    </>
  );
}
