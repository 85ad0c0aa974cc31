// Names of the organisation's users for the assignee and the timeline. Only a role that may list
// users asks for them; otherwise the signed-in user is known by name and others are "a colleague".
import { useCallback, useMemo } from 'react';
import { useOrganisationUsers } from '../../api/case-file';
import { useFullSession } from '../../api/session';
import type { TUser } from '../../api/types';
import { useT } from '../../i18n/use-t';

export function useUserNames() {
  const t = useT();
  const session = useFullSession();
  const canList = session.actions.includes('user.list');
  const users = useOrganisationUsers(canList);
  const byId = useMemo(() => {
    const map = new Map<string, string>();
    for (const u of users.data?.items ?? []) map.set(u.id, u.fullName);
    map.set(session.user.id, session.user.fullName);
    return map;
  }, [users.data, session.user.id, session.user.fullName]);
  /** The name of a user, "a colleague" when unknown to this reader, null for no user (the system). */
  const nameOf = useCallback(
    (id: string | null | undefined): string | null => (id ? (byId.get(id) ?? t('caseFile.colleague')) : null),
    [byId, t],
  );
  const list: TUser[] = users.data?.items ?? [];
  return { nameOf, users: list, canList, me: session.user };
}
