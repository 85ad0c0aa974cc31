// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { TApp } from '../../app';

/** HTCDS import and export from the web app (administrators). */
export function registerHtcdsIo(_app: TApp): void {}
