/** Letters for partners without Senim, their one-time answer links, notifications and the mail outbox (issue 4). */
import type { TApp } from '../../app';

export function registerReferralLetters(app: TApp): void {
  void app;
}
