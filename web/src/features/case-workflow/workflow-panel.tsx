// STUB (session 2 scaffolding): replaced by the feature's owner.
/** Assessment → support plan → services → follow-up → closure (with approval), on the case page. */
export function WorkflowPanel(_props: { caseId: string }) {
  return null;
}
