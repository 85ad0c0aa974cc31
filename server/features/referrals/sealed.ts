/**
 * The sealed columns of referrals and the context (associated data) each is sealed under. They
 * belong in server/crypto/sealed-columns.ts (key rotation re-seals them).
 */
export const REFERRAL_SEALED = {
  snapshot: 'referrals.snapshot',
  overrideReason: 'referrals.override_reason',
  answerNote: 'referrals.answer_note',
  eventContent: 'referral_events.content',
} as const;
