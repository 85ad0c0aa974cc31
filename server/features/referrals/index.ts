/** Referrals between organisations: send with consent, answer, revoke, share updates, open a case from one (issue 4). */
import type { TApp } from '../../app';
import { registerManage } from './manage';
import { registerOpenCase } from './open-case';
import { registerSend } from './send';

export function registerReferrals(app: TApp): void {
  registerSend(app);
  registerManage(app);
  registerOpenCase(app);
}
