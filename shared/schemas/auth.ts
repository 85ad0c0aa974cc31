import { z } from 'zod';
import { LIMITS } from '../limits';
import { ZEmail, ZLocale, ZPassword } from './common';

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** A 6-digit TOTP code or a recovery code (xxxx-xxxx-xxxx). */
export const ZTotpRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .min(6)
    .max(20)
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i),
});
export type TTotpRequest = z.infer<typeof ZTotpRequest>;

export const ZNewPasswordRequest = z.strictObject({ newPassword: ZPassword });
export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: ZPassword,
});
export const ZConfirmTwoFactorRequest = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/) });
export const ZUpdateMeRequest = z.strictObject({ locale: ZLocale });
export const SESSION_STAGES = ['full', 'totp', 'password', 'enrol'] as const;
export type TSessionStage = (typeof SESSION_STAGES)[number];
