import type { TApp } from '../../app';
import { registerBoard } from './board';
import { registerCallerFlags } from './caller-flags';
import { registerTopics } from './topics';

/** Hotline topic tree, caller flags, the live board with callbacks and open crises. */
export function registerHotlineAdmin(app: TApp): void {
  registerTopics(app);
  registerCallerFlags(app);
  registerBoard(app);
}
