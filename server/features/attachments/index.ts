// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { TApp } from '../../app';

/** Encrypted attachments and the PDF case summary. */
export function registerAttachments(_app: TApp): void {}
