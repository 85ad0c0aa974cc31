import { useEffect, useRef } from 'react';
import { useSession } from '../api/session';
import { useLocale } from './locale-provider';

/**
 * A signed-in user's saved language wins once per sign-in; later changes come from the switcher.
 * Mounted by the routes that know a session (sign-in and the app), not by the public pages, which
 * never ask the API who is signed in.
 */
export function SessionLocaleSync() {
  const { data: session } = useSession();
  const { setLocale } = useLocale();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    const userId = session?.user.id ?? null;
    if (session && session.stage === 'full' && appliedFor.current !== userId) setLocale(session.user.locale);
    if (session?.stage === 'full' || !session) appliedFor.current = session ? userId : null;
  }, [session, setLocale]);
  return null;
}
