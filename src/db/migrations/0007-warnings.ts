/**
 * One warning per origin: a signal, a country's forecast of one model and year, or an assessment
 * raises at most one warning, even when two requests race (the unique index decides).
 */
export const sql = `
CREATE UNIQUE INDEX warnings_one_per_signal ON warnings (signal_id) WHERE origin = 'signal';
CREATE UNIQUE INDEX warnings_one_per_forecast ON warnings (forecast_model_id, country_iso3, forecast_year) WHERE origin = 'forecast';
CREATE UNIQUE INDEX warnings_one_per_assessment ON warnings (assessment_id) WHERE origin = 'assessment';
`;
