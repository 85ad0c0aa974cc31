import type { TAction } from '../../shared/roles';
import { HttpError } from '../http/errors';
import type { TActor } from './actor';

export function can(actor: TActor, action: TAction): boolean {
  return actor.actions.has(action);
}

/** Throws 403 (audited as a denial) unless the actor's roles allow the action. */
export function assertCan(actor: TActor, action: TAction, target?: { type: string; id: string }): void {
  if (can(actor, action)) return;
  throw new HttpError(403, 'error.forbidden', {}, {
    action: 'access.denied',
    outcome: 'denied',
    ...(target ? { targetType: target.type, targetId: target.id } : {}),
    details: { reason: 'forbidden', attempted: action },
  });
}

/** The actions the actor may take on a record, sent to the UI with it. */
export function permittedActions(actor: TActor, candidates: readonly TAction[]): TAction[] {
  return candidates.filter((a) => can(actor, a));
}
