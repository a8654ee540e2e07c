import type { Role } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { AssessmentStatus } from './assessment.js';

/** Who acts: every change is attributed to a signed-in user, and rules depend on the role. */
export interface Actor {
  id: number;
  role: Role;
}

/** Analysts (and admins) draft and rate; reviewers (and admins) publish or send back. */
export const DRAFTERS: readonly Role[] = ['admin', 'analyst'];
export const PUBLISHERS: readonly Role[] = ['admin', 'reviewer'];

interface State {
  id: number;
  status: AssessmentStatus;
  authorId: number | null;
}

const needRole = (actor: Actor, roles: readonly Role[], what: string) => {
  if (!roles.includes(actor.role)) throw new TocsinError('forbidden', `${what} needs one of the roles: ${roles.join(', ')}`);
};
const needStatus = (a: State, status: AssessmentStatus, what: string) => {
  if (a.status === status) return;
  const hint =
    a.status === 'published'
      ? 'published assessments never change: start a new one from it with revise'
      : a.status === 'in-review'
        ? 'it is in review: a reviewer can send it back to draft'
        : 'it is still a draft: submit it for review first';
  throw new TocsinError('conflict', `assessment ${a.id} is ${a.status}, so you cannot ${what} it: ${hint}`, {
    status: a.status,
  });
};

/** Creating a draft and rating it: drafters, on drafts only. */
export function checkEdit(a: State, actor: Actor): void {
  needRole(actor, DRAFTERS, 'rating an assessment');
  needStatus(a, 'draft', 'rate');
}

/** The author (or an admin) sends a draft for review. */
export function checkSubmit(a: State, actor: Actor): void {
  needRole(actor, DRAFTERS, 'submitting an assessment');
  needStatus(a, 'draft', 'submit');
  if (actor.role !== 'admin' && a.authorId !== null && a.authorId !== actor.id)
    throw new TocsinError('forbidden', `only the author of assessment ${a.id} (or an admin) submits it for review`);
}

/** A reviewer sends an assessment in review back to draft, with a note. */
export function checkReturn(a: State, actor: Actor): void {
  needRole(actor, PUBLISHERS, 'sending an assessment back');
  needStatus(a, 'in-review', 'send back');
}

/** A reviewer who is not the author publishes: four eyes on every published level. */
export function checkPublish(a: State, actor: Actor): void {
  needRole(actor, PUBLISHERS, 'publishing an assessment');
  needStatus(a, 'in-review', 'publish');
  if (a.authorId === actor.id)
    throw new TocsinError('forbidden', `you wrote assessment ${a.id}: another reviewer must publish it`);
}

/** A new draft starts from a published assessment. */
export function checkRevise(a: State, actor: Actor): void {
  needRole(actor, DRAFTERS, 'revising an assessment');
  needStatus(a, 'published', 'revise');
}
