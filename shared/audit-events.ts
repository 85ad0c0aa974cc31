// The closed list of audit events. Adding an event is a code change reviewed like any other.
export const AUDIT_EVENTS = [
  'session.created',
  'session.loginFailed',
  'session.lockedOut',
  'session.ended',
  'session.expired',
  'twoFactor.enrolled',
  'twoFactor.verified',
  'twoFactor.failed',
  'twoFactor.recoveryUsed',
  'twoFactor.reset',
  'password.changed',
  'password.reset',
  'user.created',
  'user.updated',
  'user.read',
  'user.listed',
  'organisation.created',
  'organisation.updated',
  'organisation.read',
  'organisation.listed',
  'audit.listed',
  'access.denied',
  'keys.rotated',
  'backup.created',
  'backup.restored',
  'seed.demoCreated',
] as const;
export type TAuditEvent = (typeof AUDIT_EVENTS)[number];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type TAuditOutcome = (typeof AUDIT_OUTCOMES)[number];
