import type { Contribution } from './explain-forecast.js';

/** How a predictor reads in plain words: a yes/no condition, or a measure compared with the average. */
export interface PredictorLabel {
  readonly kind: 'flag' | 'measure';
  readonly label: string;
}

const flag = (label: string): PredictorLabel => ({ kind: 'flag', label });
const measure = (label: string): PredictorLabel => ({ kind: 'measure', label });

/** EWP's 39 predictors in words (meanings from ../shared/data/ewp/SOURCE.md and V-Dem's codebook). */
export const EWP_PREDICTOR_LABELS: Readonly<Record<string, PredictorLabel>> = {
  widetargeting: flag('an ongoing mass killing targets several groups'),
  narrowtargeting: flag('an ongoing mass killing targets one group'),
  v2csgender_binary: flag("women's participation in civil society is low"),
  v2mecenefm_binary: flag('the government censors the media'),
  'partyban.new.0': flag('most or all political parties are banned'),
  'partyban.new.1': flag('some political parties are banned'),
  'partyban.new.2': flag('no political party is banned'),
  minorityrule: flag('power is held by a minority social group'),
  judicialreform: measure('judicial reform (V-Dem 0-2, low = courts weakened)'),
  religiousfreedom: measure('religious freedom (V-Dem 0-4)'),
  pol_killing_approved: flag('political killings are systematic and approved by leaders'),
  freediscussion: measure('freedom of discussion (V-Dem 0-1)'),
  social_inequality: flag('some social groups have far fewer civil liberties'),
  even_civilrights: flag('civil liberties are respected evenly across regions'),
  repress_civilsoc: flag('civil society is repressed'),
  social_power_dist: flag('political power is unevenly distributed by social group'),
  ses_power_dist: measure('evenness of power by socio-economic position (V-Dem)'),
  'popsize.log2': measure('population (log2)'),
  gdppcgrowth: measure('GDP per capita growth (%)'),
  un_imr_sqrt: measure('infant mortality (square root, per 1,000)'),
  efindex: measure('ethnic fractionalisation (0-1)'),
  discrimpop: measure('share of the population politically discriminated against'),
  'reg.na': flag('in the Americas'),
  'reg.eap': flag('in East Asia and the Pacific'),
  'reg.sca': flag('in South and Central Asia'),
  'reg.mna': flag('in the Middle East and North Africa'),
  'reg.eur': flag('in Europe'),
  'ios.iccpr1': flag('party to the First Optional Protocol of the ICCPR'),
  'battledeaths.log2': measure('battle deaths (log2 of 1 + deaths)'),
  'coup.try.5yr': flag('a coup attempt in the last five years'),
  mk_ongoing_count_log2: measure('ongoing mass killings (log2 of 1 + count)'),
  mean_mk_onset_interaction: measure('past mass-killing onsets (cumulative)'),
  mk_onset_prev_year: flag('a mass killing began the year before'),
  newcountry: flag('a new country (independent two years or less)'),
  mk_ever: flag('a mass killing since 1945'),
  year_sq: measure('year squared (time trend)'),
  year: measure('year (time trend)'),
  'countryage.new.log2': measure('country age (log2 of 1 + years)'),
  includesnonstate: flag('non-state mass killings are coded (1989 on)'),
};

const number = (x: number): string => (Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
const signed = (x: number): string => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;

/**
 * One contribution in words, e.g. "+0.84 log-odds: battle deaths (log2 of 1 + deaths) higher than
 * average (15.2 against 2.61)" or "+0.31 log-odds: a coup attempt in the last five years: yes
 * (true of 9% of the training country-years)". Unknown predictors read by their column name.
 */
export function describeContribution(c: Contribution): string {
  const known = EWP_PREDICTOR_LABELS[c.predictor];
  const head = `${signed(c.contribution)} log-odds: `;
  if (known?.kind === 'flag' && (c.value === 0 || c.value === 1)) {
    return `${head}${known.label}: ${c.value === 1 ? 'yes' : 'no'} (true of ${(100 * c.mean).toFixed(0)}% of the training country-years)`;
  }
  const label = known?.label ?? c.predictor;
  const side = c.value > c.mean ? 'higher than' : c.value < c.mean ? 'lower than' : 'at the';
  return `${head}${label} ${side} average (${number(c.value)} against ${number(c.mean)})`;
}
