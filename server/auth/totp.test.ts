import { describe, expect, it } from 'vitest';
import { checkTotp, currentTotp, generateRecoveryCodes, hashRecoveryCode, newTotpSecret, totpEnrolment } from './totp';

describe('TOTP', () => {
  it('accepts the current code once and refuses its replay', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 23, 12, 0, 10);
    const code = currentTotp(secret, now);
    const step = checkTotp(secret, code, null, now);
    expect(step).toBe(Math.floor(now / 30000));
    expect(checkTotp(secret, code, step, now)).toBeNull();
    expect(checkTotp(secret, '000000' === code ? '111111' : '000000', null, now)).toBeNull();
  });

  it('tolerates one step of clock drift but not two', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 23, 12, 0, 10);
    expect(checkTotp(secret, currentTotp(secret, now - 30_000), null, now)).not.toBeNull();
    expect(checkTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeNull();
  });

  it('makes an otpauth URL and a QR code', async () => {
    const e = await totpEnrolment(newTotpSecret(), 'a@b.kz');
    expect(e.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Senim:a%40b\.kz\?/);
    expect(e.qrSvg).toContain('<svg');
  });

  it('makes distinct recovery codes and hashes them case-insensitively', () => {
    const codes = generateRecoveryCodes(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase())).toBe(hashRecoveryCode(codes[0]!));
  });
});
