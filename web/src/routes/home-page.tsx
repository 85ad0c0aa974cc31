import { Badge, Callout, Flex, Grid, Text } from '@radix-ui/themes';
import { useHome } from '../api/admin';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { PageTitle } from '../components/page-title';
import { RoleList } from '../components/role-list';
import { ApprovalsWaitingCard, MyTasksCard } from '../features/case-workflow/home-cards';
import { OrganisationCounts } from '../features/home/organisation-counts';
import { RoleWork } from '../features/home/role-work';
import { SecurityStatus } from '../features/home/security-status';
import { useT } from '../i18n/use-t';

export function HomePage() {
  const t = useT();
  const session = useFullSession();
  const home = useHome();
  const canReadCases = useCan('case.read');
  const canApprove = useCan('case.approve');
  const organisation = home.data?.organisation;
  return (
    <Flex direction="column" gap="5">
      <div>
        <PageTitle title={t('nav.home')}>{t('home.greeting', { name: session.user.fullName })}</PageTitle>
        <Flex gap="2" align="center" wrap="wrap">
          <Text weight="bold" data-testid="home-org">
            {organisation?.name ?? session.user.orgName}
          </Text>
          {organisation ? (
            <Badge color="gray" variant="soft">
              {t(`orgType.${organisation.type}`)}
            </Badge>
          ) : null}
          <Text color="gray" aria-hidden>
            ·
          </Text>
          <Text size="2" color="gray">
            {t('home.yourRoles')}
          </Text>
          <RoleList roles={session.user.roles} />
        </Flex>
      </div>
      {session.demo ? (
        <Callout.Root color="amber" role="note">
          <Callout.Text>{t('home.demoNotice')}</Callout.Text>
        </Callout.Root>
      ) : null}
      <ErrorCallout error={home.error} />
      {home.data ? <OrganisationCounts counts={home.data.counts} /> : null}
      {canApprove ? (
        <Grid columns={{ initial: '1', sm: '2', md: '4' }} gap="3">
          <ApprovalsWaitingCard />
        </Grid>
      ) : null}
      {canReadCases ? <MyTasksCard /> : null}
      <Grid columns={{ initial: '1', md: '2' }} gap="4">
        <RoleWork roles={session.user.roles} />
        <SecurityStatus session={session} lastLoginAt={home.data ? home.data.lastLoginAt : undefined} />
      </Grid>
    </Flex>
  );
}
