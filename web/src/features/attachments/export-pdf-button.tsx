// STUB (session 2 scaffolding): replaced by the feature's owner.
/** Download the case summary as a PDF in the user's language, on the case page. */
export function ExportPdfButton(_props: { caseId: string }) {
  return null;
}
