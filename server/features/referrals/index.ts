/** Referrals between organisations: send with consent, answer, revoke, share updates, open a case from one (issue 4). */
import type { TApp } from '../../app';

export function registerReferrals(app: TApp): void {
  void app;
}
