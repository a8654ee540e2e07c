import type { ViolenceCategory } from './api-schemas.js';

/**
 * Map and legend colour of each category: Okabe–Ito hues (distinguishable with the common colour
 * vision deficiencies), with one-sided violence, the category closest to atrocity crimes, in vermilion.
 */
export const CATEGORY_COLOURS: Record<ViolenceCategory, string> = {
  'one-sided': '#d55e00',
  'state-based': '#0072b2',
  'non-state': '#e69f00',
  'remote-violence': '#cc79a7',
  riots: '#8c564b',
  protests: '#009e73',
  strategic: '#56b4e9',
  other: '#8a8a8a',
};
