import type { TApp } from '../../app';
import { registerConsents } from './consent';
import { registerUpdatePerson } from './person';
import { registerUpdateSensitive } from './sensitive';
import { registerTraffickingEvents } from './trafficking-events';
import { registerUpdateVictim } from './victim';

/**
 * The case file's profile sections: person, victim context, sensitive texts, trafficking events,
 * consent. They are read with the case (GET /api/v1/cases/{id}); every write answers with the case.
 */
export function registerCaseProfile(app: TApp): void {
  registerUpdatePerson(app);
  registerUpdateVictim(app);
  registerUpdateSensitive(app);
  registerTraffickingEvents(app);
  registerConsents(app);
}
