import type { ReportFormMessages } from '../form/messages.js';
import type { Act, ReportStatus } from '../vocabulary.js';

/** The badge tone of a status: what still waits for an analyst stands out; the text always says it. */
export const statusTone = (s: ReportStatus): string =>
  s === 'submitted' || s === 'triaged'
    ? 'badge warn'
    : s === 'verified'
      ? 'badge ok'
      : s === 'rejected'
        ? 'badge danger'
        : 'badge';

/** The acts of a report in the reader's language, in the server's order. */
export const actsText = (acts: readonly Act[], form: ReportFormMessages, locale: string): string =>
  new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(acts.map((a) => form.actNames[a]));
