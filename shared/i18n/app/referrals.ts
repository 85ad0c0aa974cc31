// Web app messages of the referral network (issue 4): referrals. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'nav.referrals': 'Referrals',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'nav.referrals': 'Направления',
};
const kk: Record<TKey, string> = {
  'nav.referrals': 'Жолдамалар',
};
export const referralsMessages = { en, ru, kk };
