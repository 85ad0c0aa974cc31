// Limits shared by the server's validation and the forms.
export const LIMITS = {
  bodyBytes: 1_000_000,
  emailMax: 254,
  nameMax: 200,
  passwordMin: 12,
  passwordMax: 256,
  orgNameMax: 200,
  reasonMax: 2000,
  pageSizeMax: 200,
  totpDigits: 6,
  recoveryCodes: 10,
  loginMaxFailures: 5, // per account, then lock-out
  lockoutMinutes: 15,
  loginPerIpPerMinute: 20,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  notesMax: 10_000, // characters of a contact's notes
  addressMax: 500,
  documentNumberMax: 40,
  phoneMax: 40,
  topicsMax: 20,
  languagesMax: 10,
  contactDurationMaxSeconds: 86_400,
  closureReasonMax: 2000,
  idempotencyKeyMax: 200,
  caseTextMax: 20_000, // characters of one narrative, summary or note in the case file
  listMax: 30, // items of one multi-select or list (documents, household members)
  taskTitleMax: 300,
  attachmentMaxBytes: 10_000_000, // one scanned document or photo
  attachmentsPerCaseMax: 200,
  htcdsImportMaxBytes: 50_000_000, // one HTCDS file uploaded in the web app (the CLI streams any size)
  listCountCap: 10_000, // a list's total is counted exactly up to this, then shown as "more than"
} as const;
