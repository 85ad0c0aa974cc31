// API error messages of the referral network (issue 4): referral-letters. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'error.linkExpired': 'This link has expired or has already been used.',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'error.linkExpired': 'Срок действия ссылки истёк, или она уже использована.',
};
const kk: Record<TKey, string> = {
  'error.linkExpired': 'Сілтеменің мерзімі өтті немесе ол қолданылып қойған.',
};
export const referralLettersErrors = { en, ru, kk };
