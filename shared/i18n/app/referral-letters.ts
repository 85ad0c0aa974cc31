// Web app messages of the referral network (issue 4): referral-letters. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'nav.outbox': 'Outgoing mail',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'nav.outbox': 'Исходящая почта',
};
const kk: Record<TKey, string> = {
  'nav.outbox': 'Шығыс пошта',
};
export const referralLettersMessages = { en, ru, kk };
