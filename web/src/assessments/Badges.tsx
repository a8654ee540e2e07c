import { useMessages } from '../i18n/LocaleProvider.js';
import { assessmentsMessages } from './messages.js';
import type { AssessmentStatus, Level } from './vocabulary.js';

const LEVEL_TONE: Readonly<Record<Level, string>> = {
  'no-current-concern': 'ok',
  monitoring: '',
  'serious-concern': 'warn',
  'imminent-risk': 'danger',
  'current-crisis': 'danger',
};

const STATUS_TONE: Readonly<Record<AssessmentStatus, string>> = { draft: '', 'in-review': 'warn', published: 'ok' };

/** A level of concern as a badge: the words carry the meaning, the colour only repeats it. */
export function LevelBadge({ level }: { level: Level | null }) {
  const t = useMessages(assessmentsMessages);
  if (level === null) return <span className="muted">{t.list.noLevel}</span>;
  return <span className={`badge level-badge ${LEVEL_TONE[level]}`}>{t.levels[level]}</span>;
}

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const t = useMessages(assessmentsMessages);
  return <span className={`badge ${STATUS_TONE[status]}`}>{t.statuses[status]}</span>;
}
