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
  // Hotline and cases (issue 3). Need to know: who may see what is decided here, per action.
  'contact.create', // log a hotline contact
  'contact.read', // list and open contacts (without notes)
  'contact.readNotes', // the sealed notes of a contact: what the caller said
  'case.create', // open a case, from scratch or from a contact
  'case.read', // list and open cases (identity redacted without case.readIdentity)
  'case.readIdentity', // names, birth date, phone, document, address of the case's person
  'case.update', // status, stage, assignment, region
  'case.close', // move a case to Closed / ClosedReferred (supervisor approval)
  'case.attachContact', // attach a contact to an existing case
  'case.readSensitive', // narratives, health, descriptions, notes and summaries of the case file
  'case.approve', // decide approvals: closing a case, marking an actual victim (four eyes)
  'attachment.read', // list and download a case's attachments (scanned documents, photos)
  'attachment.create',
  'attachment.delete',
  'case.export', // a case's PDF summary for the paper file
  'htcds.import', // import an HTCDS file into the organisation
  'htcds.export', // export the organisation's cases as an HTCDS file
  'topic.manage', // edit the organisation's hotline topic tree
  'caller.flag', // flag a caller (abusive, at risk) and clear a flag
  'person.merge', // review likely duplicates, merge two records of one person, undo a merge
  // The referral network (issue 4)
  'partner.read', // the partner directory and memoranda of the network
  'partner.update', // maintain the organisation's own directory entry
  'partner.approve', // approve new members, add partners without Senim (network administrators)
  'memorandum.manage', // record memoranda and their members (network administrators)
  'referral.read', // the organisation's sent and received referrals
  'referral.create', // refer a case to a partner, revoke, share updates, letters for offline partners
  'referral.respond', // accept, decline, complete a referral received; open a case from it
  'referral.override', // send personal data without recorded consent, with a written reason
  'referral.dashboard', // the SLA view (own organisation; the whole network for network administrators)
  'notification.read', // one's own notifications
  'mail.outbox', // the organisation's outgoing mail (development: mail is kept, not sent)
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
    // An administrator oversees the organisation's case load and answers for it: reads cases and
    // contacts (identity included, per issue 3), but takes no calls, writes no notes and does not
    // read them (what a caller said is for those who help the caller).
    'contact.read',
    'case.read',
    'case.readIdentity',
    'htcds.import',
    'htcds.export',
    'topic.manage',
    'partner.read',
    'partner.update',
    'referral.read',
    'notification.read',
    'mail.outbox',
  ],
  // Operators take calls: they log contacts, read their notes (callbacks, repeat callers), open a
  // case or attach a contact to one in two clicks, and see cases redacted (no identity fields).
  operator: [
    'organisation.read',
    'contact.create',
    'contact.read',
    'contact.readNotes',
    'case.create',
    'case.read',
    'case.attachContact',
    'caller.flag',
    'partner.read',
    'notification.read',
  ],
  // Case workers own the case file: identity is needed to help the person. Closing needs a supervisor.
  case_worker: [
    'organisation.read',
    'contact.create',
    'contact.read',
    'contact.readNotes',
    'case.create',
    'case.read',
    'case.readIdentity',
    'case.update',
    'case.attachContact',
    'case.readSensitive',
    'attachment.read',
    'attachment.create',
    'case.export',
    'caller.flag',
    'person.merge',
    'partner.read',
    'referral.read',
    'referral.create',
    'referral.respond',
    'notification.read',
  ],
  supervisor: [
    'organisation.read',
    'user.list',
    'user.read',
    'stats.read',
    'contact.create',
    'contact.read',
    'contact.readNotes',
    'case.create',
    'case.read',
    'case.readIdentity',
    'case.update',
    'case.close',
    'case.attachContact',
    'case.readSensitive',
    'case.approve',
    'attachment.read',
    'attachment.create',
    'attachment.delete',
    'case.export',
    'caller.flag',
    'person.merge',
    'partner.read',
    'referral.read',
    'referral.create',
    'referral.respond',
    'referral.override',
    'referral.dashboard',
    'notification.read',
  ],
  partner_officer: ['organisation.read', 'partner.read', 'referral.read', 'referral.respond', 'notification.read'],
  analyst: ['organisation.read', 'stats.read', 'partner.read', 'referral.dashboard', 'notification.read'],
};

/** Actions only a network administrator (admin of the network's coordinating organisation) holds. */
export const NETWORK_ADMIN_ACTIONS: readonly TAction[] = [
  'organisation.list',
  'organisation.create',
  'partner.approve',
  'memorandum.manage',
  'referral.dashboard',
];

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
