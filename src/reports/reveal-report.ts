import type { Role } from '../access/roles.js';
import { isCleared, readConfidential, type Keyring } from '../confidential/index.js';
import { CLEARED_ROLES } from '../confidential/index.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import type { Confidential, Identity, Report } from './report.js';
import { getReport, sealedPartsOf } from './reports.repository.js';
import { reportAad, sourceAad } from './submit-report.js';

/**
 * A report with its identities opened, for a cleared reader (admin, investigator) who states why:
 * each sealed field read is written to the confidential access log before it is opened.
 * Refused for any other role before anything is read.
 */
export async function revealReport(
  db: Db,
  keyring: () => Promise<Keyring>,
  id: number,
  o: { user: { id: number; role: Role }; purpose: string | undefined },
): Promise<Report> {
  if (!isCleared(o.user.role))
    throw new TocsinError('forbidden', `identities in reports are readable only by ${CLEARED_ROLES.join(' or ')}`, {
      field: 'reveal',
    });
  const purpose = o.purpose?.trim() ?? '';
  if (purpose.length < 5)
    throw new TocsinError('invalid_input', 'purpose: say why the identities are read (it goes in the access log)', {
      field: 'purpose',
    });
  const report = await getReport(db, id);
  const sealed = await sealedPartsOf(db, id);
  const ring = await keyring();
  const read = <T>(subject: string, field: string, envelope: unknown, aad: string) =>
    readConfidential<T>(db, ring, { user: o.user, subject, field, purpose, envelope, aad });
  const identities = new Map<number, Identity>();
  for (const s of sealed.sources)
    identities.set(s.id, await read<Identity>(`report-source:${s.id}`, 'identity', s.identity, sourceAad(s.id)));
  return {
    ...report,
    confidential:
      sealed.confidential === null
        ? null
        : await read<Confidential>(`report:${id}`, 'confidential', sealed.confidential, reportAad(id)),
    sources: report.sources.map((s) => ({ ...s, identity: identities.get(s.id) ?? null })),
  };
}
