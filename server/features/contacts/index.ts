import type { TApp } from '../../app';
import { registerCreateContact } from './create-contact';
import { registerGetContact } from './get-contact';
import { registerListContacts } from './list-contacts';

/** The hotline console: log a contact, the live board's list, one contact. */
export function registerContacts(app: TApp): void {
  registerCreateContact(app);
  registerListContacts(app);
  registerGetContact(app);
}
