import type { Level, Rating } from '../../../src/assessments/assessment.js';
import type { CountryMessages } from './messages.js';

/**
 * Levels and ratings arrive as strings (the server's vocabulary module also builds zod schemas, which
 * would pull a second zod into the bundle); unknown words are shown as sent rather than dropped.
 */
export const levelName = (m: CountryMessages, level: string | null): string =>
  level === null ? '—' : (m.levels[level as Level] ?? level);

export const ratingName = (m: CountryMessages, rating: string | null): string =>
  rating === null ? m.ratings.unrated : (m.ratings[rating as Rating] ?? rating);

const LEVEL_TONES: Readonly<Record<Level, string>> = {
  'current-crisis': 'badge danger',
  'imminent-risk': 'badge danger',
  'serious-concern': 'badge warn',
  monitoring: 'badge ok',
  'no-current-concern': 'badge ok',
};

/** A badge tone per level: the text always says the level, the colour only repeats it. */
export const levelTone = (level: string | null): string => (level === null ? 'badge' : (LEVEL_TONES[level as Level] ?? 'badge'));
