/** Branded primitives for units that must not mix (an ISO alpha-3 code is not a G-W code). */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** ISO 3166-1 alpha-3 (plus the conventional `XKX` for Kosovo). */
export type Iso3 = Brand<string, 'Iso3'>;
/** Gleditsch-Ward state number, as used by UCDP. */
export type GwCode = Brand<number, 'GwCode'>;
/** A calendar date `YYYY-MM-DD` (UTC, no time). */
export type IsoDate = Brand<string, 'IsoDate'>;
/** Hex SHA-256 digest. */
export type Sha256 = Brand<string, 'Sha256'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the date if it is a real calendar day (`2023-02-30` is not), else undefined. */
export function toIsoDate(value: string): IsoDate | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= last ? (value as IsoDate) : undefined;
}

/** Builds an IsoDate from numeric parts, validating the calendar day. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | undefined {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return toIsoDate(s);
}
