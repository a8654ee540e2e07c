import { sql as eventStore } from './0001-event-store.js';
import { sql as surveillance } from './0002-surveillance.js';
import { sql as forecasts } from './0003-forecasts.js';
import { sql as assessmentsWarnings } from './0004-assessments-warnings.js';
import { sql as frameworkGroups } from './0005-framework-groups.js';
import { sql as warnings } from './0007-warnings.js';
import { sql as reportsEvidence } from './0008-reports-evidence.js';
import { sql as speech } from './0009-speech.js';
import { sql as speechSurges } from './0010-speech-surges.js';
import { sql as anchorMemberships } from './0011-anchor-memberships.js';

/** Every migration in order. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: '0001-event-store', sql: eventStore },
  { id: '0002-surveillance', sql: surveillance },
  { id: '0003-forecasts', sql: forecasts },
  { id: '0004-assessments-warnings', sql: assessmentsWarnings },
  { id: '0005-framework-groups', sql: frameworkGroups },
  { id: '0007-warnings', sql: warnings },
  { id: '0008-reports-evidence', sql: reportsEvidence },
  { id: '0009-speech', sql: speech },
  { id: '0010-speech-surges', sql: speechSurges },
  { id: '0011-anchor-memberships', sql: anchorMemberships },
];
