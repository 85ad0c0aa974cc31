// Roles and what each may do. This table is data: policies read it, the UI receives the permitted
// actions from the server and never decides on its own.

export const ROLES = [
  'admin', // administrator of one organisation
  'operator', // hotline operator
  'case_worker',
  'supervisor',
  'partner_officer', // user of an external partner body (police, trade union, state body)
  'analyst', // aggregates only
] as const;
export type TRole = (typeof ROLES)[number];

/** Network-wide roles are held by a user of the organisation that runs the network. */
export const ACTIONS = [
  'organisation.read',
  'organisation.update',
  'organisation.list', // every organisation of the network (network administrators)
  'organisation.create',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.resetPassword',
  'user.resetTwoFactor',
  'audit.read',
  'stats.read',
] as const;
export type TAction = (typeof ACTIONS)[number];

export const ROLE_ACTIONS: Record<TRole, readonly TAction[]> = {
  admin: [
    'organisation.read',
    'organisation.update',
    'user.list',
    'user.read',
    'user.create',
    'user.update',
    'user.resetPassword',
    'user.resetTwoFactor',
    'audit.read',
    'stats.read',
  ],
  operator: ['organisation.read'],
  case_worker: ['organisation.read'],
  supervisor: ['organisation.read', 'user.list', 'user.read', 'stats.read'],
  partner_officer: ['organisation.read'],
  analyst: ['organisation.read', 'stats.read'],
};

/** Actions only a network administrator (admin of the network's coordinating organisation) holds. */
export const NETWORK_ADMIN_ACTIONS: readonly TAction[] = ['organisation.list', 'organisation.create'];

export function actionsForRoles(roles: readonly TRole[], isNetworkAdmin: boolean): TAction[] {
  const set = new Set<TAction>();
  for (const role of roles) for (const action of ROLE_ACTIONS[role]) set.add(action);
  if (isNetworkAdmin) for (const action of NETWORK_ADMIN_ACTIONS) set.add(action);
  return ACTIONS.filter((a) => set.has(a));
}

export const ORGANISATION_TYPES = [
  'crisis_centre',
  'ngo',
  'police',
  'prosecutor',
  'trade_union',
  'state_body',
  'international_organisation',
  'embassy',
] as const;
export type TOrganisationType = (typeof ORGANISATION_TYPES)[number];
