import type { TApp } from '../../app';
import { registerCreateContact } from './create-contact';
import { registerGetContact } from './get-contact';
import { registerListContacts } from './list-contacts';
import { registerUpdateContact } from './update-contact';

/** The hotline console: log a contact, the live board's list, one contact, a callback made or a crisis resolved. */
export function registerContacts(app: TApp): void {
  registerCreateContact(app);
  registerListContacts(app);
  registerGetContact(app);
  registerUpdateContact(app);
}
