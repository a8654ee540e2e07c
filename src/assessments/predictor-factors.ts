/**
 * Which risk factor of the Framework of Analysis each forecast predictor (Early Warning Project's
 * columns) speaks to. Structural controls (region, population, time trend, coding flags) speak to none.
 */
export const PREDICTOR_FACTORS: Readonly<Record<string, string>> = {
  // RF1 armed conflict and other instability (political and economic)
  'battledeaths.log2': 'RF1',
  'coup.try.5yr': 'RF1',
  newcountry: 'RF1',
  gdppcgrowth: 'RF1',
  // RF2 record of serious violations
  mk_ongoing_count_log2: 'RF2',
  mean_mk_onset_interaction: 'RF2',
  mk_onset_prev_year: 'RF2',
  mk_ever: 'RF2',
  widetargeting: 'RF2',
  narrowtargeting: 'RF2',
  pol_killing_approved: 'RF2',
  // RF3 weakness of State structures
  judicialreform: 'RF3',
  un_imr_sqrt: 'RF3',
  even_civilrights: 'RF3',
  'countryage.new.log2': 'RF3',
  // RF6 absence of mitigating factors: civil society, free media, treaty commitments
  v2mecenefm_binary: 'RF6',
  freediscussion: 'RF6',
  repress_civilsoc: 'RF6',
  v2csgender_binary: 'RF6',
  'ios.iccpr1': 'RF6',
  // RF7 enabling circumstances: closing of political space
  'partyban.new.0': 'RF7',
  'partyban.new.1': 'RF7',
  'partyban.new.2': 'RF7',
  // RF9 intergroup tension and patterns of discrimination
  minorityrule: 'RF9',
  social_inequality: 'RF9',
  social_power_dist: 'RF9',
  ses_power_dist: 'RF9',
  discrimpop: 'RF9',
  efindex: 'RF9',
  religiousfreedom: 'RF9',
};
