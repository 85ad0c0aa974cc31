import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { Card, DataList, Flex, Grid } from '@radix-ui/themes';
import { Link, useParams } from 'react-router';
import { useUser } from '../api/admin';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { EditUserForm } from '../features/users/edit-user-form';
import { UserSecurityActions } from '../features/users/user-security-actions';
import { TwoFactorBadge, UserStatus } from '../features/users/user-status';
import { useFormatDateTime, useT } from '../i18n/use-t';

export default function UserPage() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <Flex direction="column" gap="4">
      <Link to="/users" className="back-link">
        <ArrowLeftIcon aria-hidden /> {t('users.back')}
      </Link>
      {user.isPending ? <Loading /> : null}
      <ErrorCallout error={user.error} />
      {user.data ? (
        <>
          <PageTitle title={user.data.fullName} />
          <Grid columns={{ initial: '1', md: '2' }} gap="4" align="start">
            <Card size="3">
              <EditUserForm user={user.data} onReload={() => user.refetch()} />
            </Card>
            <Flex direction="column" gap="4">
              <Card size="3">
                <DataList.Root>
                  <DataList.Item>
                    <DataList.Label>{t('userForm.email')}</DataList.Label>
                    <DataList.Value>{user.data.email}</DataList.Value>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.Label>{t('users.colStatus')}</DataList.Label>
                    <DataList.Value>
                      <UserStatus user={user.data} />
                    </DataList.Value>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.Label>{t('users.colTwoFactor')}</DataList.Label>
                    <DataList.Value>
                      <TwoFactorBadge enabled={user.data.twoFactorEnabled} />
                    </DataList.Value>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.Label>{t('users.colLastLogin')}</DataList.Label>
                    <DataList.Value>
                      {formatDateTime(user.data.lastLoginAt) ?? t('common.never')}
                    </DataList.Value>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.Label>{t('users.createdAt')}</DataList.Label>
                    <DataList.Value>{formatDateTime(user.data.createdAt)}</DataList.Value>
                  </DataList.Item>
                </DataList.Root>
              </Card>
              <UserSecurityActions user={user.data} />
            </Flex>
          </Grid>
        </>
      ) : null}
    </Flex>
  );
}
