/**
 * The 31 columns of the ACLED layout introduced on 20 March 2023, in ACLED's order (column names as published):
 * disorder_type, civilian_targeting and tags added; data_id, event_id_no_cnty and iso3 dropped.
 * Source: https://acleddata.com/methodology/guide-2023-acled-column-changes
 */
export const ACLED_2023_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_2023_COLUMNS)[number];
