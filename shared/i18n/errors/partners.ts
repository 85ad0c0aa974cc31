// API error messages of the referral network (issue 4): partners. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.partnerNotMember': 'This organisation is not a member of the network.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.partnerNotMember': 'Эта организация не состоит в сети.',
};
const kk: Record<TKey, string> = {
  'error.partnerNotMember': 'Бұл ұйым желі мүшесі емес.',
};
export const partnersErrors = { en, ru, kk };
