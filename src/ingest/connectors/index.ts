/** Download connectors: each fetches a source into a local file that the matching file importer reads. */
export { downloadUcdpGed, gedZipName, UCDP_GED_DOWNLOADS } from './ucdp-ged-download.js';
export type { UcdpGedDownload, UcdpGedDownloadOptions } from './ucdp-ged-download.js';
export { downloadUcdpApi, UCDP_API, UCDP_TOKEN_ENV, UCDP_TOKEN_HEADER } from './ucdp-api.js';
export type { UcdpApiDownload, UcdpApiFilters, UcdpApiOptions } from './ucdp-api.js';
export { downloadAcled, ACLED_BASE } from './acled-api.js';
export type { AcledDownload, AcledDownloadOptions } from './acled-api.js';
export { ACLED_EMAIL_ENV, ACLED_LEGACY_KEY_ENV, ACLED_PASSWORD_ENV } from './acled-auth.js';
export type { FetchLike, Sleep } from './http.js';
