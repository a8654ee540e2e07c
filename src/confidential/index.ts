/**
 * Confidential fields, encrypted at rest (issue 6): identities and contacts of victims, witnesses and
 * sources are stored only as AES-256-GCM envelopes, under data keys wrapped by a master key kept
 * outside the database; readable only by CLEARED_ROLES, every read logged. See docs/confidential.md.
 */
export { CLEARED_ROLES, isCleared, listAccessLog, readConfidential } from './access.js';
export type { AccessLogEntry, ConfidentialRead } from './access.js';
export type { SealedEnvelope } from './envelope.js';
export { openKeyring } from './keyring.js';
export type { Keyring } from './keyring.js';
export { keysDirOf } from './master-key.js';
export { rotateDataKey, rotateMasterKey } from './rotation.js';
export type { DataKeyRotation } from './rotation.js';
export { SEALED_COLUMNS } from './sealed-columns.js';
export type { Resealer } from './sealed-columns.js';
