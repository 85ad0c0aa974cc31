/** Phone numbers to E.164 with libphonenumber-js (default region Kazakhstan). */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * E.164 form ("+77012345678") of a phone number written in any usual way ("8 (701) 234-56-78",
 * "+7 701 234 5678", "701 234 56 78"), or null if it cannot be a phone number.
 */
export function normalizePhone(raw: string | null | undefined, region: CountryCode = 'KZ'): string | null {
  const s = (raw ?? '').trim();
  if (s === '' || !/\d/.test(s)) return null;
  const cleaned = s.replace(/^00/, '+');
  // Fast path: an international number written with "+" and separators only is already E.164
  // once the separators go (libphonenumber is slow for millions of rows).
  if (/^\+[1-9][\d\s().-]{6,20}$/.test(cleaned)) {
    const digits = cleaned.replace(/\D/g, '');
    if (digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  }
  // Fast path for the commonest Kazakh form: trunk prefix 8 and ten digits (8 (701) 234-56-78).
  if (region === 'KZ' && /^[8(][\d\s().-]{9,20}$/.test(cleaned)) {
    const digits = cleaned.replace(/\D/g, '');
    if (/^8[67]\d{9}$/.test(digits)) return `+7${digits.slice(1)}`;
  }
  const parsed = parsePhoneNumberFromString(cleaned, region);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** The last seven digits: agree when the prefix was written differently or is missing. */
export function phoneTail(e164: string): string {
  return e164.replace(/\D/g, '').slice(-7);
}
