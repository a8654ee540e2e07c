/**
 * Tocsin's violence categories. Every source maps its own typology onto these
 * (see the per-source tables in `ingest/<source>/*-categories.ts`).
 * UCDP type 3 and ACLED "Violence against civilians" / civilian targeting both land in `one-sided`.
 */
export const VIOLENCE_CATEGORIES = [
  'one-sided', // deliberate violence against civilians by an organised group, the state included
  'state-based', // armed conflict with a government as one side
  'non-state', // armed conflict between organised non-state groups
  'remote-violence', // explosions, shelling, air and drone strikes at a distance
  'riots', // violent demonstrations and mob violence
  'protests', // demonstrations without violence by the demonstrators
  'strategic', // strategic developments: agreements, arrests, looting, base seizures, ...
  'other', // events outside conflict and violence (e.g. GDELT cooperation verbs), kept but not counted as violence
] as const;

export type ViolenceCategory = (typeof VIOLENCE_CATEGORIES)[number];

export const isViolenceCategory = (s: string): s is ViolenceCategory => (VIOLENCE_CATEGORIES as readonly string[]).includes(s);
