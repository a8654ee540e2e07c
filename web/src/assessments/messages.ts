import type { Translations } from '../i18n/locales.js';
import { ar } from './messages-ar.js';
import { en, type AssessmentsMessages } from './messages-en.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';

export type { AssessmentsMessages };

/** The assessment pages' strings in the four languages; translations.test.ts checks every key. */
export const assessmentsMessages: Translations<AssessmentsMessages> = { en, fr, ar, es };
