import { actionsForRoles, type TAction, type TRole } from '../../shared/roles';
import type { TStaffLocale } from '../../shared/locales';

/** Who is acting: resolved once per request from the session. */
export type TActor = {
  userId: string;
  orgId: string;
  roles: readonly TRole[];
  isNetworkAdmin: boolean;
  locale: TStaffLocale;
  sessionIdHash: Uint8Array;
  actions: ReadonlySet<TAction>;
};

export function buildActor(a: Omit<TActor, 'actions'>): TActor {
  return { ...a, actions: new Set(actionsForRoles(a.roles, a.isNetworkAdmin)) };
}
