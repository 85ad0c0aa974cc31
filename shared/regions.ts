// Kazakhstan's 17 regions and 3 cities of republican significance, as reorganised in 2022
// (Abai, Jetisu and Ulytau created). Codes are ours and stable; `iso` is ISO 3166-2:KZ.
// Names: Kazakh and Russian official forms (as in OpenStreetMap's boundary data, © OpenStreetMap
// contributors, ODbL), English conventional forms.

export const REGIONS = [
  { code: 'abai', iso: 'KZ-10', kind: 'region', en: 'Abai Region', ru: 'Абайская область', kk: 'Абай облысы' },
  { code: 'akmola', iso: 'KZ-11', kind: 'region', en: 'Akmola Region', ru: 'Акмолинская область', kk: 'Ақмола облысы' },
  { code: 'aktobe', iso: 'KZ-15', kind: 'region', en: 'Aktobe Region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' },
  { code: 'almaty_region', iso: 'KZ-19', kind: 'region', en: 'Almaty Region', ru: 'Алматинская область', kk: 'Алматы облысы' },
  { code: 'atyrau', iso: 'KZ-23', kind: 'region', en: 'Atyrau Region', ru: 'Атырауская область', kk: 'Атырау облысы' },
  { code: 'east_kazakhstan', iso: 'KZ-63', kind: 'region', en: 'East Kazakhstan Region', ru: 'Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы' },
  { code: 'jambyl', iso: 'KZ-31', kind: 'region', en: 'Jambyl Region', ru: 'Жамбылская область', kk: 'Жамбыл облысы' },
  { code: 'jetisu', iso: 'KZ-33', kind: 'region', en: 'Jetisu Region', ru: 'Жетысуская область', kk: 'Жетісу облысы' },
  { code: 'karaganda', iso: 'KZ-35', kind: 'region', en: 'Karaganda Region', ru: 'Карагандинская область', kk: 'Қарағанды облысы' },
  { code: 'kostanay', iso: 'KZ-39', kind: 'region', en: 'Kostanay Region', ru: 'Костанайская область', kk: 'Қостанай облысы' },
  { code: 'kyzylorda', iso: 'KZ-43', kind: 'region', en: 'Kyzylorda Region', ru: 'Кызылординская область', kk: 'Қызылорда облысы' },
  { code: 'mangystau', iso: 'KZ-47', kind: 'region', en: 'Mangystau Region', ru: 'Мангистауская область', kk: 'Маңғыстау облысы' },
  { code: 'north_kazakhstan', iso: 'KZ-59', kind: 'region', en: 'North Kazakhstan Region', ru: 'Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы' },
  { code: 'pavlodar', iso: 'KZ-55', kind: 'region', en: 'Pavlodar Region', ru: 'Павлодарская область', kk: 'Павлодар облысы' },
  { code: 'turkistan', iso: 'KZ-61', kind: 'region', en: 'Turkistan Region', ru: 'Туркестанская область', kk: 'Түркістан облысы' },
  { code: 'ulytau', iso: 'KZ-62', kind: 'region', en: 'Ulytau Region', ru: 'Улытауская область', kk: 'Ұлытау облысы' },
  { code: 'west_kazakhstan', iso: 'KZ-27', kind: 'region', en: 'West Kazakhstan Region', ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы' },
  { code: 'astana', iso: 'KZ-71', kind: 'city', en: 'Astana', ru: 'г. Астана', kk: 'Астана қаласы' },
  { code: 'almaty', iso: 'KZ-75', kind: 'city', en: 'Almaty', ru: 'г. Алматы', kk: 'Алматы қаласы' },
  { code: 'shymkent', iso: 'KZ-79', kind: 'city', en: 'Shymkent', ru: 'г. Шымкент', kk: 'Шымкент қаласы' },
] as const;

export type TRegion = (typeof REGIONS)[number];
export type TRegionCode = TRegion['code'];
export const REGION_CODES = REGIONS.map((r) => r.code) as unknown as readonly [TRegionCode, ...TRegionCode[]];

/**
 * Older records use the 14-oblast layout (before 2018 and 2022). Each old unit maps to the regions
 * that now cover its territory; a record keeps its old code and statistics split or flag it.
 */
export const LEGACY_REGIONS: Record<string, readonly TRegionCode[]> = {
  south_kazakhstan: ['turkistan', 'shymkent'], // renamed Turkistan Region in 2018, Shymkent separated
  east_kazakhstan_2021: ['east_kazakhstan', 'abai'],
  almaty_region_2021: ['almaty_region', 'jetisu'],
  karaganda_2021: ['karaganda', 'ulytau'],
};

export function regionName(code: string, locale: 'en' | 'ru' | 'kk'): string {
  const r = REGIONS.find((x) => x.code === code);
  return r ? r[locale] : code;
}

export function isRegionCode(value: string): value is TRegionCode {
  return REGIONS.some((r) => r.code === value);
}
