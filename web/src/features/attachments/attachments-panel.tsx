// STUB (session 2 scaffolding): replaced by the feature's owner.
/** The case's attachments (upload, list, open), on the case page. */
export function AttachmentsPanel(_props: { caseId: string }) {
  return null;
}
