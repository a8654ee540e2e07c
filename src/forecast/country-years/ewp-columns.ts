import type { CountryYearColumns } from './country-year.js';

/**
 * The 39 predictors of the Early Warning Project's 2025 statistical risk assessment, in the order
 * of its model script (`3.Modeling/model_3Sep2025.R`); see ../shared/data/ewp/SOURCE.md.
 */
export const EWP_PREDICTORS: readonly string[] = Object.freeze([
  'widetargeting',
  'narrowtargeting',
  'v2csgender_binary',
  'v2mecenefm_binary',
  'partyban.new.0',
  'partyban.new.1',
  'partyban.new.2',
  'minorityrule',
  'judicialreform',
  'religiousfreedom',
  'pol_killing_approved',
  'freediscussion',
  'social_inequality',
  'even_civilrights',
  'repress_civilsoc',
  'social_power_dist',
  'ses_power_dist',
  'popsize.log2',
  'gdppcgrowth',
  'un_imr_sqrt',
  'efindex',
  'discrimpop',
  'reg.na',
  'reg.eap',
  'reg.sca',
  'reg.mna',
  'reg.eur',
  'ios.iccpr1',
  'battledeaths.log2',
  'coup.try.5yr',
  'mk_ongoing_count_log2',
  'mean_mk_onset_interaction',
  'mk_onset_prev_year',
  'newcountry',
  'mk_ever',
  'year_sq',
  'year',
  'countryage.new.log2',
  'includesnonstate',
]);

/** The columns of EWP's prepared country-year file (`prepared2024predictors-2025-09-03.csv`). */
export const EWP_COLUMNS: CountryYearColumns = Object.freeze({
  country: 'ccode',
  countryName: 'ewp_name',
  year: 'year',
  outcome: 'mk_onset_1or2',
  outcomeWindow: Object.freeze(['mk_onset_1', 'mk_onset_2']),
  onset: 'mk_onset',
  predictors: EWP_PREDICTORS,
});
