import type { TApp } from '../../app';
import { registerAttachContact } from './attach-contact';
import { registerCreateCase } from './create-case';
import { registerGetCase } from './get-case';
import { registerListCases } from './list-cases';
import { registerUpdateCase } from './update-case';

/** The case file: open, list, read (audited, redacted by role), change (versioned), attach contacts. */
export function registerCases(app: TApp): void {
  registerCreateCase(app);
  registerListCases(app);
  registerGetCase(app);
  registerUpdateCase(app);
  registerAttachContact(app);
}
