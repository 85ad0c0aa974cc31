import { z } from 'zod';
import { LIMITS } from '../limits';
import { ROLES } from '../roles';
import { ZEmail, ZLocale, ZPersonName, ZVersion } from './common';

export const ZRoles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const ZCreateUserRequest = z.strictObject({
  email: ZEmail,
  fullName: ZPersonName,
  roles: ZRoles,
  locale: ZLocale.default('ru'),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  fullName: ZPersonName.optional(),
  roles: ZRoles.optional(),
  locale: ZLocale.optional(),
  isActive: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZListUsersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  q: z.string().trim().max(LIMITS.emailMax).optional(),
});
