/** The referral SLA dashboard of the network's coordinators (issue 4). */
import type { TApp } from '../../app';

export function registerReferralDashboard(app: TApp): void {
  void app;
}
