// Countries offered in the case file (ISO 3166-1 alpha-3, the code HTCDS and the API use): Central
// Asia and the countries people of the region migrate through or to. Any other alpha-3 code saved
// earlier (an import) is still shown and kept. Names come from the browser's Intl data.

/** alpha-3 → alpha-2 (Intl.DisplayNames takes alpha-2 region codes). */
export const COUNTRY_ALPHA2: Readonly<Record<string, string>> = {
  KAZ: 'KZ', UZB: 'UZ', KGZ: 'KG', TJK: 'TJ', TKM: 'TM', AFG: 'AF', RUS: 'RU', CHN: 'CN', MNG: 'MN',
  AZE: 'AZ', ARM: 'AM', GEO: 'GE', BLR: 'BY', UKR: 'UA', MDA: 'MD', TUR: 'TR', IRN: 'IR', PAK: 'PK',
  IND: 'IN', ARE: 'AE', SAU: 'SA', QAT: 'QA', BHR: 'BH', KWT: 'KW', OMN: 'OM', JOR: 'JO', LBN: 'LB',
  IRQ: 'IQ', SYR: 'SY', ISR: 'IL', EGY: 'EG', CYP: 'CY', KOR: 'KR', JPN: 'JP', THA: 'TH', MYS: 'MY',
  VNM: 'VN', IDN: 'ID', PHL: 'PH', POL: 'PL', DEU: 'DE', CZE: 'CZ', LTU: 'LT', LVA: 'LV', EST: 'EE',
  FIN: 'FI', GBR: 'GB', FRA: 'FR', ITA: 'IT', ESP: 'ES', GRC: 'GR', BGR: 'BG', ROU: 'RO', HUN: 'HU',
  NLD: 'NL', BEL: 'BE', AUT: 'AT', SWE: 'SE', NOR: 'NO', DNK: 'DK', CHE: 'CH', USA: 'US', CAN: 'CA',
}; // prettier-ignore

export const COUNTRY_CODES = Object.keys(COUNTRY_ALPHA2);

/** Languages a person may speak (ISO 639-3 codes, as stored); labelled `caseFile.language.<code>`. */
export const PERSON_LANGUAGES = [
  'kaz', 'rus', 'uzb', 'kir', 'tgk', 'tuk', 'uig', 'aze', 'tur', 'zho', 'kor', 'ukr', 'eng',
] as const; // prettier-ignore

/** Builds a country-name lookup for one formatting locale; an unknown code is shown as it is. */
export function countryNamer(formattingLocale: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([formattingLocale], { type: 'region', fallback: 'code' });
  } catch {
    names = null;
  }
  return (code) => {
    const alpha2 = COUNTRY_ALPHA2[code];
    if (!alpha2 || !names) return code;
    return names.of(alpha2) ?? code;
  };
}
