import { Badge, Box, Container, Flex, Text } from '@radix-ui/themes';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import type { TAction } from '../../../shared/roles';
import { useFullSession } from '../api/session';
import { useT } from '../i18n/use-t';
import type { TAppKey } from '../../../shared/i18n/app/en';
import { NotificationBell } from '../features/notifications/notification-bell';
import { LanguageSwitcher } from './language-switcher';
import { Loading } from './loading';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

type TNavItem = { to: string; label: TAppKey; anyOf: readonly TAction[] | null };
const NAV: readonly TNavItem[] = [
  { to: '/', label: 'nav.home', anyOf: null },
  { to: '/hotline', label: 'nav.hotline', anyOf: ['contact.create'] },
  { to: '/cases', label: 'nav.cases', anyOf: ['case.read'] },
  { to: '/approvals', label: 'nav.approvals', anyOf: ['case.approve'] },
  { to: '/duplicates', label: 'nav.duplicates', anyOf: ['person.merge'] },
  { to: '/referrals', label: 'nav.referrals', anyOf: ['referral.read'] },
  { to: '/network', label: 'nav.partners', anyOf: ['partner.read'] },
  { to: '/referral-dashboard', label: 'nav.referralDashboard', anyOf: ['referral.dashboard'] },
  { to: '/users', label: 'nav.users', anyOf: ['user.list'] },
  { to: '/organisations', label: 'nav.organisations', anyOf: ['organisation.list', 'organisation.update'] },
  { to: '/audit', label: 'nav.audit', anyOf: ['audit.read'] },
  { to: '/admin/topics', label: 'nav.topics', anyOf: ['topic.manage'] },
  { to: '/admin/htcds', label: 'nav.htcds', anyOf: ['htcds.import', 'htcds.export'] },
  { to: '/admin/outbox', label: 'nav.outbox', anyOf: ['mail.outbox'] },
];

export function AppLayout() {
  const t = useT();
  const session = useFullSession();
  const items = NAV.filter((item) => !item.anyOf || item.anyOf.some((a) => session.actions.includes(a)));
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Container size="4" px="4">
          <Flex align="center" justify="between" gap="3" py="2" wrap="wrap">
            <Flex align="center" gap="3" wrap="wrap">
              <Link to="/" className="brand">
                {t('app.name')}
              </Link>
              <Text size="2" color="gray" data-testid="org-name">
                {session.user.orgName}
              </Text>
              {session.demo ? (
                <Badge color="amber" variant="soft">
                  {t('app.demoBadge')}
                </Badge>
              ) : null}
            </Flex>
            <Flex align="center" gap="3">
              <NotificationBell />
              <LanguageSwitcher />
              <UserMenu />
            </Flex>
          </Flex>
          <nav aria-label={t('nav.main')} className="app-nav">
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === '/'} className="nav-link">
                {t(item.label)}
              </NavLink>
            ))}
          </nav>
        </Container>
      </header>
      <main id="main" tabIndex={-1}>
        <Container size="4" px="4" py="5">
          <Box>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </Box>
        </Container>
      </main>
    </>
  );
}
