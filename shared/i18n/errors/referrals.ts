// API error messages of the referral network (issue 4): referrals. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.referralNotAnswerable': 'This referral can no longer be answered.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.referralNotAnswerable': 'На это направление больше нельзя ответить.',
};
const kk: Record<TKey, string> = {
  'error.referralNotAnswerable': 'Бұл жолдамаға енді жауап беру мүмкін емес.',
};
export const referralsErrors = { en, ru, kk };
