import { useSession } from '../session.js';
import { REVIEWERS } from './vocabulary.js';

/** Whether the signed-in user may record reviews (the server checks again on every POST). */
export function useCanReview(): boolean {
  const role = useSession().data?.role;
  return role !== undefined && (REVIEWERS as readonly string[]).includes(role);
}
