import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { RequireSession } from './features/auth/require-session';
import { SessionLocaleSync } from './i18n/session-locale-sync';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { SignInPage } from './routes/sign-in-page';

// Administration screens are loaded on demand: most users never open them.
const UsersPage = lazy(() => import('./routes/users-page'));
const UserPage = lazy(() => import('./routes/user-page'));
const OrganisationsPage = lazy(() => import('./routes/organisations-page'));
const OrganisationPage = lazy(() => import('./routes/organisation-page'));
const AuditPage = lazy(() => import('./routes/audit-page'));
const HotlinePage = lazy(() => import('./routes/hotline-page'));
const CasesPage = lazy(() => import('./routes/cases-page'));
const CasePage = lazy(() => import('./routes/case-page'));
const ApprovalsPage = lazy(() => import('./routes/approvals-page'));
const TopicsPage = lazy(() => import('./routes/topics-page'));
const HtcdsPage = lazy(() => import('./routes/htcds-page'));
const DuplicatesPage = lazy(() => import('./routes/duplicates-page'));
const ComparePage = lazy(() => import('./routes/compare-page'));
const NetworkPage = lazy(() => import('./routes/network-page'));
const NetworkEntryPage = lazy(() => import('./routes/network-entry-page'));
const MemorandaPage = lazy(() => import('./routes/memoranda-page'));
const PublicPartnersPage = lazy(() => import('./routes/public-partners-page'));
const ReferralsPage = lazy(() => import('./routes/referrals-page'));
const ReferralPage = lazy(() => import('./routes/referral-page'));
const ReferralDashboardPage = lazy(() => import('./routes/referral-dashboard-page'));
const OutboxPage = lazy(() => import('./routes/outbox-page'));
const NotificationsPage = lazy(() => import('./routes/notifications-page'));
const ReferralAnswerPage = lazy(() => import('./routes/referral-answer-page'));
const AccountPage = lazy(() => import('./routes/account-page'));
const TwoFactorSetupPage = lazy(() => import('./routes/two-factor-setup-page'));

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <>
        <SessionLocaleSync />
        <SignInPage />
      </>
    ),
  },
  // Public pages (no login): the partners the network publishes, a letter's one-time answer link.
  {
    path: '/partners',
    element: (
      <Suspense fallback={null}>
        <PublicPartnersPage />
      </Suspense>
    ),
  },
  {
    path: '/answer',
    element: (
      <Suspense fallback={null}>
        <ReferralAnswerPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <>
        <SessionLocaleSync />
        <RequireSession>
          <AppLayout />
        </RequireSession>
      </>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'hotline', element: <HotlinePage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'duplicates', element: <DuplicatesPage /> },
      { path: 'duplicates/compare', element: <ComparePage /> },
      { path: 'network', element: <NetworkPage /> },
      { path: 'network/memoranda', element: <MemorandaPage /> },
      { path: 'network/:orgId', element: <NetworkEntryPage /> },
      { path: 'referrals', element: <ReferralsPage /> },
      { path: 'referrals/:id', element: <ReferralPage /> },
      { path: 'referral-dashboard', element: <ReferralDashboardPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'admin/outbox', element: <OutboxPage /> },
      { path: 'admin/topics', element: <TopicsPage /> },
      { path: 'admin/htcds', element: <HtcdsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'users/:id', element: <UserPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'account/two-factor', element: <TwoFactorSetupPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
