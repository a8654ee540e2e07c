import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { rateIndicator, type AssessmentView, type IndicatorRating } from './api.js';
import { draftOf, isUnsaved, parseEvidence, type RatingDraft } from './assessment-model.js';
import { assessmentKey } from './queries.js';

export type SaveState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; reason: string };

export interface RatingDrafts {
  /** What the form shows for an indicator: the typed draft, else the saved rating. */
  draftFor(indicatorId: string): RatingDraft;
  saved(indicatorId: string): IndicatorRating | undefined;
  edit(indicatorId: string, change: Partial<RatingDraft>): void;
  save(indicatorId: string): void;
  stateOf(indicatorId: string): SaveState | undefined;
  /** Indicators with typed changes the server does not hold yet. */
  unsaved: string[];
}

/**
 * Holds what the analyst types, per indicator, above the collapsible sections, so closing a factor
 * or a failed save never loses text; saves one indicator at a time (PUT) and keeps the draft
 * until the server holds exactly what was sent. Warns before leaving the page with unsaved text.
 */
export function useRatingDrafts(assessment: AssessmentView | undefined): RatingDrafts {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Readonly<Record<string, RatingDraft>>>({});
  const [states, setStates] = useState<Readonly<Record<string, SaveState>>>({});
  const id = assessment?.id;
  const ratings = useMemo(() => new Map((assessment?.ratings ?? []).map((r) => [r.indicatorId, r])), [assessment?.ratings]);

  const draftFor = useCallback(
    (indicatorId: string) => drafts[indicatorId] ?? draftOf(ratings.get(indicatorId)),
    [drafts, ratings],
  );
  const unsaved = useMemo(
    () => Object.entries(drafts).flatMap(([indicatorId, d]) => (isUnsaved(d, ratings.get(indicatorId)) ? [indicatorId] : [])),
    [drafts, ratings],
  );

  const edit = useCallback(
    (indicatorId: string, change: Partial<RatingDraft>) => {
      setDrafts((all) => ({ ...all, [indicatorId]: { ...(all[indicatorId] ?? draftOf(ratings.get(indicatorId))), ...change } }));
      setStates(({ [indicatorId]: _, ...rest }) => rest);
    },
    [ratings],
  );

  const save = useCallback(
    (indicatorId: string) => {
      const draft = drafts[indicatorId] ?? draftOf(ratings.get(indicatorId));
      if (id === undefined || draft.rating === null) return;
      const { links } = parseEvidence(draft.evidence);
      setStates((all) => ({ ...all, [indicatorId]: { kind: 'saving' } }));
      rateIndicator(id, indicatorId, {
        rating: draft.rating,
        confidence: draft.confidence,
        rationale: draft.rationale,
        evidence: links,
      })
        .then((view) => {
          queryClient.setQueryData(assessmentKey(id), view);
          void queryClient.invalidateQueries({ queryKey: [...assessmentKey(id), 'history'] });
          void queryClient.invalidateQueries({ queryKey: [...assessmentKey(id), 'diff'] });
          // Drop the draft only if nothing was typed while it was being saved.
          setDrafts(({ [indicatorId]: current, ...rest }) =>
            current === draft || current === undefined ? rest : { ...rest, [indicatorId]: current },
          );
          setStates((all) => ({ ...all, [indicatorId]: { kind: 'saved' } }));
        })
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          setStates((all) => ({ ...all, [indicatorId]: { kind: 'failed', reason } }));
        });
    },
    [drafts, ratings, id, queryClient],
  );

  const stateOf = useCallback((indicatorId: string) => states[indicatorId], [states]);
  const saved = useCallback((indicatorId: string) => ratings.get(indicatorId), [ratings]);

  const hasUnsaved = unsaved.length > 0;
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  return { draftFor, saved, edit, save, stateOf, unsaved };
}
