import type { TApp } from '../../app';
import { registerApprovals } from './approvals';
import { registerRecordSteps } from './record-steps';
import { registerTasks } from './tasks';
import { registerUpdateSupportPlan } from './update-support-plan';

/**
 * The support workflow of a case (issue 3): assessment → support plan → services → follow-up →
 * closure, with four-eyes approvals (closing, recognising a victim) and tasks with due times.
 */
export function registerWorkflow(app: TApp): void {
  registerRecordSteps(app);
  registerUpdateSupportPlan(app);
  registerApprovals(app);
  registerTasks(app);
}
