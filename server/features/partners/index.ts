/** The partner directory, memoranda, and the public "Our partners" API (issue 4). */
import type { TApp } from '../../app';
import { registerDirectory } from './directory';
import { registerMemoranda } from './memoranda';
import { registerPublicPartners } from './public';

export function registerPartners(app: TApp): void {
  registerDirectory(app);
  registerMemoranda(app);
  registerPublicPartners(app);
}
