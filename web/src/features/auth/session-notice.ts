// Why the sign-in page is shown: the session expired, or the user signed out. Survives the redirect.
import { useSyncExternalStore } from 'react';

export type TSessionNotice = 'expired' | 'signedOut' | null;

let current: TSessionNotice = null;
const listeners = new Set<() => void>();

export function setSessionNotice(notice: TSessionNotice): void {
  current = notice;
  for (const listener of listeners) listener();
}

export function useSessionNotice(): TSessionNotice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
