import { Option, type Command } from 'commander';
import { STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import { ROLES, type TRole } from '../../../shared/roles';
import { ZEmail, ZPersonName } from '../../../shared/schemas/common';
import { generateTemporaryPassword, hashPassword, isAcceptablePassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import { insertUser } from '../../features/users/insert-user';
import { cliAudit } from '../cli-audit';
import { withInstance } from '../context';
import { CliError } from '../errors';
import { resolveOrg } from '../resolve-org';

type TUserAddOptions = { email: string; org: string; role?: string[]; name?: string; password?: string; locale: string };

function parseEmail(value: string): string {
  const r = ZEmail.safeParse(value);
  if (!r.success) throw new CliError(`"${value}" is not an e-mail address.`);
  return r.data;
}

export async function runUserAdd(o: TUserAddOptions): Promise<void> {
  const email = parseEmail(o.email);
  const roles = [...new Set(o.role ?? [])];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length) {
    throw new CliError(`${unknown.length ? `Unknown role ${unknown.join(', ')}. ` : ''}--role must be one of: ${ROLES.join(', ')} (repeat --role for several).`);
  }
  const fullName = ZPersonName.safeParse(o.name ?? email.split('@')[0]);
  if (!fullName.success) throw new CliError('--name must be 1 to 200 characters.');
  if (o.password !== undefined && !isAcceptablePassword(o.password, email)) {
    throw new CliError('That password is too weak: at least 12 characters, not a common password, not the e-mail.');
  }
  const password = o.password ?? generateTemporaryPassword();
  const generated = o.password === undefined;

  await withInstance(async (deps) => {
    const { id, orgName } = await deps.systemDb.transaction(async (tx) => {
      const org = await resolveOrg(tx, o.org);
      const { rows: clash } = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
      if (clash[0]) throw new CliError(`A user with the e-mail ${email} already exists.`);
      const user = await insertUser(tx, deps.sealer, {
        orgId: org.id,
        email,
        fullName: fullName.data,
        roles: roles as TRole[],
        locale: o.locale as TStaffLocale,
        password,
        mustChangePassword: generated,
        isDemo: org.is_demo,
      });
      await cliAudit(tx, deps, [
        { action: 'user.created', outcome: 'success', targetType: 'user', targetId: user.id, details: { orgId: org.id, roles } },
      ]);
      return { id: user.id, orgName: org.name };
    });
    console.log(`User created: ${email} (${roles.join(', ')}) in ${orgName}\n  id: ${id}`);
    if (generated) {
      console.log(`  temporary password: ${password}\n  (they must choose a new one at first sign-in; give it to them over a safe channel)`);
    }
    if (roles.includes('admin') && !deps.isDemo()) {
      console.log('  Administrators set up two-factor authentication at their first sign-in.');
    }
  });
}

export async function runUserResetPassword(o: { email: string }): Promise<void> {
  const email = parseEmail(o.email);
  const password = generateTemporaryPassword();
  await withInstance(async (deps) => {
    const hash = await hashPassword(password);
    await deps.systemDb.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; org_id: string }>(
        `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
                updated_at = now(), version = version + 1
          WHERE lower(email) = lower($1) RETURNING id, org_id`,
        [email, hash],
      );
      const user = rows[0];
      if (!user) throw new CliError(`No user with the e-mail ${email}.`);
      await deleteUserSessions(tx, user.id);
      await cliAudit(tx, deps, [
        { action: 'password.reset', outcome: 'success', targetType: 'user', targetId: user.id, details: { orgId: user.org_id } },
      ]);
    });
    console.log(
      `Password reset for ${email}; their sessions were ended and any lock-out lifted.\n` +
        `  temporary password: ${password}\n  (they must choose a new one at first sign-in)`,
    );
  });
}

export async function runUserList(o: { org: string }): Promise<void> {
  await withInstance(async (deps) => {
    const rows = await deps.systemDb.transaction(async (tx) => {
      const org = await resolveOrg(tx, o.org);
      const { rows } = await tx.query<{
        id: string; email: string; roles: string[]; full_name_sealed: Uint8Array; is_active: boolean;
        totp_enabled_at: Date | null; must_change_password: boolean; locked_until: Date | null;
      }>(
        `SELECT id, email, roles, full_name_sealed, is_active, totp_enabled_at, must_change_password, locked_until
           FROM users WHERE org_id = $1 ORDER BY email`,
        [org.id],
      );
      // Names are sealed identity data: reading them is audited like any other sensitive read.
      await cliAudit(tx, deps, [
        { action: 'user.listed', outcome: 'success', targetType: 'organisation', targetId: org.id, details: { count: rows.length } },
      ]);
      return rows;
    });
    if (rows.length === 0) {
      console.log('No users in this organisation.');
      return;
    }
    const width = Math.max(...rows.map((r) => r.email.length));
    for (const r of rows) {
      const flags = [
        r.is_active ? '' : 'inactive',
        r.totp_enabled_at ? '2FA' : '',
        r.must_change_password ? 'must change password' : '',
        r.locked_until && r.locked_until > new Date() ? 'locked' : '',
      ].filter(Boolean);
      const name = deps.sealer.open(r.full_name_sealed, 'users.full_name');
      console.log(`${r.email.padEnd(width)}  ${r.roles.join(',').padEnd(20)} ${name}${flags.length ? `  [${flags.join(', ')}]` : ''}`);
    }
  });
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function register(program: Command): void {
  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('add a user to an organisation')
    .requiredOption('--email <email>', 'their e-mail, used to sign in')
    .requiredOption('--org <name-or-id>', 'their organisation (exact name or id; see `senim org list`)')
    .option('--role <role>', `a role, required (repeat for several): ${ROLES.join(', ')}`, collect)
    .option('--name <full name>', 'their full name (stored encrypted; defaults to the e-mail’s local part)')
    .option('--password <password>', 'their password; without it a temporary one is generated, printed, and must be changed at first sign-in')
    .addOption(new Option('--locale <locale>', 'their interface language').choices([...STAFF_LOCALES]).default('ru'))
    .action(async (o: TUserAddOptions) => {
      await runUserAdd(o);
    });
  user
    .command('reset-password')
    .description('give a user a new temporary password (ends their sessions, lifts a lock-out)')
    .requiredOption('--email <email>', 'the user’s e-mail')
    .action(async (o: { email: string }) => {
      await runUserResetPassword(o);
    });
  user
    .command('list')
    .description('list the users of an organisation')
    .requiredOption('--org <name-or-id>', 'the organisation (exact name or id)')
    .action(async (o: { org: string }) => {
      await runUserList(o);
    });
}
