import { ar } from './ar.js';
import { en, type CoreMessages } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Translations } from './locales.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export const coreMessages: Translations<CoreMessages> = { en, fr, ar, es, zh, ru };
