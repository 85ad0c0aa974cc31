/** The partner directory, memoranda, and the public "Our partners" API (issue 4). */
import type { TApp } from '../../app';

export function registerPartners(app: TApp): void {
  void app;
}
