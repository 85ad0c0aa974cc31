// Web app messages of the referral network (issue 4): partners. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'nav.partners': 'Partners',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'nav.partners': 'Партнёры',
};
const kk: Record<TKey, string> = {
  'nav.partners': 'Серіктестер',
};
export const partnersMessages = { en, ru, kk };
