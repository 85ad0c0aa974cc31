// Web app messages of the referral network (issue 4): referral-dashboard. Merged into the main catalogues.
// English is the source; ru and kk must have every key (tsc checks). ICU MessageFormat.
const en = {
  'nav.referralDashboard': 'Referral SLA',
} as const;
type TKey = keyof typeof en;
const ru: Record<TKey, string> = {
  'nav.referralDashboard': 'Сроки направлений',
};
const kk: Record<TKey, string> = {
  'nav.referralDashboard': 'Жолдама мерзімдері',
};
export const referralDashboardMessages = { en, ru, kk };
