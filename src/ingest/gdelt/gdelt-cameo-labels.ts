/**
 * Short labels for CAMEO event codes, in our own words (after the CAMEO codebook, Schrodt 2012):
 * every root 01-20, and the finer codes of the roots Tocsin counts as violence or protest.
 */
const CAMEO_LABELS: Readonly<Record<string, string>> = {
  '01': 'public statement',
  '02': 'appeal',
  '03': 'intent to cooperate',
  '04': 'consultation',
  '05': 'diplomatic cooperation',
  '06': 'material cooperation',
  '07': 'aid',
  '08': 'concession',
  '09': 'investigation',
  '10': 'demand',
  '11': 'disapproval',
  '12': 'rejection',
  '13': 'threat',
  '14': 'protest',
  '15': 'show of force',
  '16': 'reduced relations',
  '17': 'coercion',
  '18': 'assault',
  '19': 'fighting',
  '20': 'mass violence',
  '141': 'demonstration or rally',
  '142': 'hunger strike',
  '143': 'strike or boycott',
  '144': 'blockade or obstruction',
  '145': 'violent protest or riot',
  '181': 'abduction, hijacking or hostage-taking',
  '182': 'physical assault',
  '1821': 'sexual assault',
  '1822': 'torture',
  '1823': 'killing by physical assault',
  '183': 'bombing',
  '1831': 'suicide bombing',
  '1832': 'vehicle bombing',
  '1833': 'roadside bombing',
  '1834': 'bombing of a place',
  '184': 'use of human shields',
  '185': 'attempted assassination',
  '186': 'assassination',
  '191': 'blockade',
  '192': 'occupation of territory',
  '193': 'fighting with small arms and light weapons',
  '194': 'fighting with artillery and tanks',
  '195': 'aerial attack',
  '1951': 'precision-guided aerial attack',
  '1952': 'drone attack',
  '196': 'ceasefire violation',
  '201': 'mass expulsion',
  '202': 'mass killing',
  '203': 'ethnic cleansing',
  '204': 'use of weapons of mass destruction',
  '2041': 'chemical, biological or radiological attack',
  '2042': 'nuclear detonation',
};

/** The label of the most specific known code: the event code, else its base code, else its root. */
export function cameoLabel(eventCode: string, baseCode: string, rootCode: string): string {
  return CAMEO_LABELS[eventCode] ?? CAMEO_LABELS[baseCode] ?? CAMEO_LABELS[rootCode] ?? 'unknown verb';
}

/** A one-line description: `FARMER — CAMEO 190 (fighting) — CANADA`; the target part is left out when unknown. */
export function describeEvent(perpetrator: string | null, eventCode: string, label: string, target: string | null): string {
  const head = `${perpetrator ?? 'unknown actor'} — CAMEO ${eventCode} (${label})`;
  return target === null ? head : `${head} — ${target}`;
}
