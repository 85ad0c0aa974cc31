import { Link } from 'react-router';
import type { TUser } from '../../api/types';
import { RoleList } from '../../components/role-list';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { TwoFactorBadge, UserStatus } from './user-status';

export function UsersTable({ users, caption }: { users: TUser[]; caption: string }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="users-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colName')}</th>
            <th scope="col">{t('users.colEmail')}</th>
            <th scope="col">{t('users.colRoles')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colTwoFactor')}</th>
            <th scope="col">{t('users.colLastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/users/${user.id}`}>{user.fullName}</Link>
              </th>
              <td>{user.email}</td>
              <td>
                <RoleList roles={user.roles} />
              </td>
              <td>
                <UserStatus user={user} />
              </td>
              <td>
                <TwoFactorBadge enabled={user.twoFactorEnabled} />
              </td>
              <td>{formatDateTime(user.lastLoginAt) ?? t('common.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
