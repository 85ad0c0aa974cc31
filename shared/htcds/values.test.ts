import { describe, expect, it } from 'vitest';
import { formatHtcdsValue, parseHtcdsDate, parseHtcdsValue, yearsBetween } from './values';

const ctx = { today: '2025-06-15' };
const ok = (value: unknown) => ({ ok: true, value });

describe('HTCDS values', () => {
  it('reads dates in ISO and in the dotted local form, and refuses impossible ones', () => {
    expect(parseHtcdsDate('2024-02-29')).toBe('2024-02-29');
    expect(parseHtcdsDate('1.3.1990')).toBe('1990-03-01');
    expect(parseHtcdsDate('2023-02-29')).toBeUndefined();
    expect(parseHtcdsDate('2023')).toBeUndefined();
    expect(yearsBetween('2000-06-16', '2025-06-15')).toBe(24);
    expect(yearsBetween('2000-06-15', '2025-06-15')).toBe(25);
  });
  it('parses each kind and normalises codes', () => {
    expect(parseHtcdsValue('prs_Gender', ' feminine ', ctx)).toEqual(ok('Feminine'));
    expect(
      parseHtcdsValue('vic_TypeOfExploitation', 'ForcedLabour; SexualExploitation;ForcedLabour', ctx),
    ).toEqual(ok(['ForcedLabour', 'SexualExploitation']));
    expect(parseHtcdsValue('prs_Citizenship', 'kz;UZB', ctx)).toEqual(ok(['KZ', 'UZB']));
    expect(parseHtcdsValue('prs_PrimaryLanguage', 'KAZ', ctx)).toEqual(ok('kaz'));
    expect(parseHtcdsValue('con_Consent', 'TRUE', ctx)).toEqual(ok(true));
    expect(parseHtcdsValue('prs_Deceased', '0', ctx)).toEqual(ok(false));
    expect(parseHtcdsValue('vic_AgeWhenTrafficked', '17', ctx)).toEqual(ok(17));
    expect(parseHtcdsValue('hte_Latitude', '43.238', ctx)).toEqual(ok(43.238));
    expect(parseHtcdsValue('spl_PlannedEndDate', '2026-01-31', ctx)).toEqual(ok('2026-01-31'));
    expect(parseHtcdsValue('prs_FirstName', '   ', ctx)).toEqual(ok(undefined));
    expect(parseHtcdsValue('cco_CaseComment', '  indented\nnote ', ctx)).toEqual(ok('  indented\nnote '));
  });
  it('names the reason a value is refused', () => {
    const code = (field: Parameters<typeof parseHtcdsValue>[0], text: string) => {
      const r = parseHtcdsValue(field, text, ctx);
      return r.ok ? 'ok' : r.code;
    };
    expect(code('cas_Status', 'Pending')).toBe('unknownCode');
    expect(code('vic_MethodsOfControl', 'DebtBondage;Blackmail')).toBe('unknownCode');
    expect(code('cas_Status', 'Active;Closed')).toBe('multipleValues');
    expect(code('prs_Birthdate', '31.02.1990')).toBe('notADate');
    expect(code('cas_IncomingReferralDate', '2025-06-16')).toBe('futureDate');
    expect(code('hte_Date', '1899-12-31')).toBe('dateTooEarly');
    expect(code('prs_Birthdate', '1900-01-01')).toBe('implausibleAge');
    expect(code('vic_AgeWhenTrafficked', '121')).toBe('implausibleAge');
    expect(code('vic_AgeWhenTrafficked', '-1')).toBe('implausibleAge');
    expect(code('vic_AgeWhenTrafficked', '12.5')).toBe('notAnInteger');
    expect(code('prs_NumberOfChildren', 'three')).toBe('notANumber');
    expect(code('prs_NumberOfChildren', '31')).toBe('outOfRange');
    expect(code('hte_Longitude', '181')).toBe('outOfRange');
    expect(code('con_Consent', 'maybe')).toBe('notABoolean');
    expect(code('prs_FirstName', 'x'.repeat(256))).toBe('tooLong');
    expect(code('prs_PrimaryLanguage', 'Russian')).toBe('badLanguageCode');
    expect(code('prs_Citizenship', 'Kazakhstan')).toBe('badCountryCode');
    expect(code('prs_MailingCountry', 'KAZ')).toBe('badCountryCode');
    expect(code('prs_Email', 'not-an-address')).toBe('badEmail');
  });
  it('formats values for a file', () => {
    expect(formatHtcdsValue(['ForcedLabour', 'Servitude'])).toBe('ForcedLabour;Servitude');
    expect(formatHtcdsValue(true)).toBe('true');
    expect(formatHtcdsValue(4.5)).toBe('4.5');
    expect(formatHtcdsValue(undefined)).toBe('');
  });
});
