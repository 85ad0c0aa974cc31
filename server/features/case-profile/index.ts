// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { TApp } from '../../app';

/** The case file's profile sections: person, victim context, sensitive texts, trafficking events, consent. */
export function registerCaseProfile(_app: TApp): void {}
