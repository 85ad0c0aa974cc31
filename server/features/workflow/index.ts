// STUB (session 2 scaffolding): replaced by the feature's owner.
import type { TApp } from '../../app';

/** Assessment, support plan, services, follow-up, approvals and tasks. */
export function registerWorkflow(_app: TApp): void {}
