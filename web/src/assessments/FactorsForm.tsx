import { useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.js';
import type { AssessmentView, RiskFactor } from './api.js';
import { FactorSection } from './FactorSection.js';
import { assessmentsMessages } from './messages.js';
import type { RatingDrafts } from './rating-drafts.js';

/** The 14 risk factors as collapsible sections, each indicator with its rating and the data's suggestion beside it. */
export function FactorsForm({
  assessment,
  factors,
  editable,
  drafts,
}: {
  assessment: AssessmentView;
  factors: readonly RiskFactor[];
  editable: boolean;
  drafts: RatingDrafts;
}) {
  const t = useMessages(assessmentsMessages);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const allOpen = open.size === factors.length;
  const toggle = (factorId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(factorId)) next.add(factorId);
      return next;
    });

  return (
    <section className="panel factors" aria-labelledby="factors-title">
      <div className="section-head">
        <h2 id="factors-title">{t.factors.heading}</h2>
        <button type="button" onClick={() => setOpen(allOpen ? new Set() : new Set(factors.map((f) => f.id)))}>
          {allOpen ? t.factors.collapseAll : t.factors.expandAll}
        </button>
      </div>
      {drafts.unsaved.length > 0 && (
        <p className="badge warn unsaved-total" role="status">
          {t.factors.unsaved(drafts.unsaved.length)}
        </p>
      )}
      <p className="hint">{t.suggestion.never}</p>
      {factors.map((factor) => (
        <FactorSection
          key={factor.id}
          factor={factor}
          assessment={assessment}
          editable={editable}
          drafts={drafts}
          open={open.has(factor.id)}
          onToggle={toggle}
        />
      ))}
    </section>
  );
}
