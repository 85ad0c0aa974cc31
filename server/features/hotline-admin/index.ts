// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { TApp } from '../../app';

/** Hotline topic tree, caller flags, callbacks and open crises. */
export function registerHotlineAdmin(_app: TApp): void {}
