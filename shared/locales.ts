export const STAFF_LOCALES = ['ru', 'kk', 'en'] as const;
export type TStaffLocale = (typeof STAFF_LOCALES)[number];
export const DEFAULT_LOCALE: TStaffLocale = 'ru';

/** Picks the best staff locale from an Accept-Language header or an explicit choice. */
export function pickLocale(header: string | null | undefined): TStaffLocale {
  if (!header) return DEFAULT_LOCALE;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split('-')[0] as TStaffLocale;
    if ((STAFF_LOCALES as readonly string[]).includes(base)) return base;
  }
  return DEFAULT_LOCALE;
}
