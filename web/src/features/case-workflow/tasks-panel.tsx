// STUB (session 2 scaffolding): replaced by the feature's owner.
/** The case's tasks with due dates, on the case page. */
export function TasksPanel(_props: { caseId: string }) {
  return null;
}
