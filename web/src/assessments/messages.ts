import type { Translations } from '../i18n/locales.js';
import { ar } from './messages-ar.js';
import { en, type AssessmentsMessages } from './messages-en.js';
import { es } from './messages-es.js';
import { fr } from './messages-fr.js';
import { ru } from './messages-ru.js';
import { zh } from './messages-zh.js';

export type { AssessmentsMessages };

/** The assessment pages' strings in the six languages; translations.test.ts checks every key. */
export const assessmentsMessages: Translations<AssessmentsMessages> = { en, fr, ar, es, zh, ru };
