import { RABAT_PARTS, type RabatPart } from './vocabulary.js';

/**
 * The Rabat part a review refusal names ("rabat.likelihood: incitement needs …"), so the form can
 * mark it; null when the refusal is about something else.
 */
export function refusedPart(message: string): RabatPart | null {
  const m = /^rabat\.([A-Za-z]+):/.exec(message);
  const part = m?.[1];
  return part !== undefined && (RABAT_PARTS as readonly string[]).includes(part) ? (part as RabatPart) : null;
}
