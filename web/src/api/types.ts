// Shapes of the API responses the web app reads (the server's presenters are the source of truth).
import type { TAuditOutcome } from '../../../shared/audit-events';
import type { TStaffLocale } from '../../../shared/locales';
import type { TAction, TOrganisationType, TRole } from '../../../shared/roles';
import type { TSessionStage } from '../../../shared/schemas/auth';

export type TSessionUser = {
  id: string;
  email: string;
  fullName: string;
  roles: TRole[];
  locale: TStaffLocale;
  orgId: string;
  orgName: string;
  twoFactorEnabled: boolean;
};

export type TSession = {
  stage: TSessionStage;
  csrfToken: string;
  user: TSessionUser;
  actions: TAction[];
  demo: boolean;
};

export type TUser = {
  id: string;
  email: string;
  fullName: string;
  roles: TRole[];
  locale: TStaffLocale;
  isActive: boolean;
  twoFactorEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  actions: TAction[];
};

export type TUserPage = { items: TUser[]; total: number };
export type TCreatedUser = { user: TUser; temporaryPassword: string };

export type TOrganisation = {
  id: string;
  name: string;
  type: TOrganisationType;
  region: string | null;
  requireTwoFactor: boolean;
  isActive: boolean;
  isNetworkCoordinator: boolean;
  version: number;
  actions: TAction[];
};

export type THome = {
  organisation: { id: string; name: string; type: TOrganisationType };
  counts: { users?: number; lockedUsers?: number; usersWithoutTwoFactor?: number; deniedLast24h?: number };
  lastLoginAt: string | null;
};

export type TAuditEntry = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  outcome: TAuditOutcome;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
};
export type TAuditPage = { items: TAuditEntry[]; nextBefore: number | null };

export type TTwoFactorSetup = { otpauthUrl: string; secret: string; qrSvg: string };
export type TTwoFactorConfirmed = { recoveryCodes: string[]; session: TSession };
