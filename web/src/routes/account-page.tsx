import { Button, Card, DataList, Flex, Grid, Heading, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useFullSession } from '../api/session';
import { LanguageSwitcher } from '../components/language-switcher';
import { PageTitle } from '../components/page-title';
import { RoleList } from '../components/role-list';
import { ChangePasswordForm } from '../features/account/change-password-form';
import { TwoFactorBadge } from '../features/users/user-status';
import { useT } from '../i18n/use-t';

export default function AccountPage() {
  const t = useT();
  const session = useFullSession();
  const { user } = session;
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('account.title')} />
      <Grid columns={{ initial: '1', md: '2' }} gap="4" align="start">
        <Flex direction="column" gap="4">
          <Card size="3">
            <Heading as="h2" size="4" mb="3">
              {t('account.profile')}
            </Heading>
            <DataList.Root>
              <DataList.Item>
                <DataList.Label>{t('userForm.fullName')}</DataList.Label>
                <DataList.Value>{user.fullName}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>{t('userForm.email')}</DataList.Label>
                <DataList.Value>{user.email}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>{t('account.organisation')}</DataList.Label>
                <DataList.Value>{user.orgName}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>{t('userForm.roles')}</DataList.Label>
                <DataList.Value>
                  <RoleList roles={user.roles} />
                </DataList.Value>
              </DataList.Item>
            </DataList.Root>
          </Card>
          <Card size="3">
            <Heading as="h2" size="4" mb="2">
              {t('account.language')}
            </Heading>
            <Text as="p" size="2" color="gray" mb="3">
              {t('account.languageHint')}
            </Text>
            <LanguageSwitcher />
          </Card>
          <Card size="3">
            <Flex justify="between" align="center" mb="2" gap="2">
              <Heading as="h2" size="4">
                {t('account.twoFactor')}
              </Heading>
              <TwoFactorBadge enabled={user.twoFactorEnabled} />
            </Flex>
            <Text as="p" size="2" color="gray" mb="3">
              {user.twoFactorEnabled ? t('account.twoFactorOnHint') : t('account.twoFactorOffHint')}
            </Text>
            {!user.twoFactorEnabled ? (
              <Button asChild>
                <Link to="/account/two-factor">{t('account.setUpTwoFactor')}</Link>
              </Button>
            ) : null}
          </Card>
        </Flex>
        <Card size="3">
          <ChangePasswordForm />
        </Card>
      </Grid>
    </Flex>
  );
}
