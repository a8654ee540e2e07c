import type { Dispatch, SetStateAction } from 'react';
import type { ReportDraft } from './draft.js';

/** What each part of the report form gets: the draft, ways to change it, and the problem of a field. */
export interface FormPartProps {
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
  setDraft: Dispatch<SetStateAction<ReportDraft>>;
  errorOf: (field: string) => string | undefined;
}
