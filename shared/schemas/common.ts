import { z } from 'zod';
import { LIMITS } from '../limits';
import { STAFF_LOCALES } from '../locales';

export const ZEmail = z.string().trim().toLowerCase().max(LIMITS.emailMax).email();
export const ZPersonName = z.string().trim().min(1).max(LIMITS.nameMax);
export const ZLocale = z.enum(STAFF_LOCALES);
export const ZUuid = z.string().uuid();
export const ZVersion = z.number().int().min(1);
export const ZPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
