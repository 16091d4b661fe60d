/**
 * Who may do what in the decision log. Permission governs writing in general (viewers only
 * read); role adds one capability (facilitators record outcomes, like owners). A viewer listed
 * as a participant may still take a position: being asked to decide outweighs read-only access.
 */
import type { CreatedPayload, Permission, Role } from '../../../shared/src/index';

export interface DecisionActor {
  userId: string;
  /** The caller's permission on this document (its access list may differ from the workspace). */
  permission: Permission;
  role: Role;
  /** An archived document is read-only for everyone, decisions included. */
  archived: boolean;
}

export function canPropose(actor: DecisionActor): boolean {
  return !actor.archived && actor.permission !== 'viewer';
}

export function canTakePosition(actor: DecisionActor, created: CreatedPayload): boolean {
  return !actor.archived && (actor.permission !== 'viewer' || created.participants.includes(actor.userId));
}

export function canRecordOutcome(actor: DecisionActor): boolean {
  return !actor.archived && (actor.permission === 'owner' || actor.role === 'facilitator');
}

/** The author of an entry may correct it; owners may correct any entry. */
export function canCorrect(actor: DecisionActor, entryAuthorId: string): boolean {
  return !actor.archived && (actor.permission === 'owner' || actor.userId === entryAuthorId);
}
