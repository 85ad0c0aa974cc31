// Form-only schemas built from the shared request schemas (a repeated password never leaves the form).
import { z } from 'zod';
import { ZChangePasswordRequest, ZNewPasswordRequest } from '../../../../shared/schemas/auth';

export const ZNewPasswordForm = ZNewPasswordRequest.extend({ repeat: z.string() }).refine(
  (value) => value.newPassword === value.repeat,
  { path: ['repeat'], params: { mismatch: true } },
);

export const ZChangePasswordForm = ZChangePasswordRequest.extend({ repeat: z.string() }).refine(
  (value) => value.newPassword === value.repeat,
  { path: ['repeat'], params: { mismatch: true } },
);
