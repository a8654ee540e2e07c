import type { Iso3 } from '../core/brand.js';

/** A country or territory with its codes in every system our sources use. */
export interface Country {
  iso3: Iso3;
  /** ISO 3166-1 numeric (4 = Afghanistan); null for Kosovo. */
  isoNumeric: number | null;
  iso2: string | null;
  /** Gleditsch-Ward number as UCDP uses it (Yemen 678, Serbia 345, Vietnam 816, Kosovo 347). */
  gw: number | null;
  /** Correlates of War number. */
  cow: number | null;
  /** FIPS 10-4, as GDELT's geo fields use it (IS = Israel, NI = Nigeria). */
  fips: string | null;
  name: string;
  /** UN M49 region (Africa, Americas, Asia, Europe, Oceania). */
  region: string;
  /** UN M49 sub-region (Sub-Saharan Africa, Western Asia, ...). */
  subregion: string;
  /** Case-insensitive JS regex source matching the name in free text (countrycode `country.name.en.regex`). */
  nameRegex?: string;
  /** Other exact names that sources use for it (UCDP's `Yemen (North Yemen)`). */
  aliases?: readonly string[];
}
