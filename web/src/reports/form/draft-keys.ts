/** Where the report forms keep their unsent drafts in the tab's sessionStorage. */
export const REPORT_DRAFT_KEY = 'tocsin.report-draft';
export const INTAKE_DRAFT_KEY = 'tocsin.intake-draft';

/**
 * Signing out on purpose erases unsent drafts: a monitor may share the device. A session that
 * merely expires keeps them, so the report survives signing in again.
 */
export function eraseReportDrafts(): void {
  try {
    window.sessionStorage.removeItem(REPORT_DRAFT_KEY);
    window.sessionStorage.removeItem(INTAKE_DRAFT_KEY);
  } catch {
    // Storage switched off: nothing was kept.
  }
}
