// One entry of the partner directory: read it, or edit it (the organisation's own administrators,
// network administrators); network administrators decide on membership. /network/new adds a
// partner without Senim (network administrators). An organisation without an entry creates its own.
import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { Badge, Flex, Text } from '@radix-ui/themes';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { usePartner } from '../api/partners';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { Notice } from '../components/notice';
import { PageTitle } from '../components/page-title';
import { useFormatDateTime, useT } from '../i18n/use-t';
import { usePartnerLabels } from '../features/partners/labels';
import { MembershipActions } from '../features/partners/membership-actions';
import { PartnerDetails } from '../features/partners/partner-details';
import { PartnerForm } from '../features/partners/partner-form';
import { ConnectionBadge, MembershipBadge } from '../features/partners/partners-table';
import { NotFoundPage } from './not-found-page';

function BackLink() {
  const t = useT();
  return (
    <Link to="/network" className="back-link">
      <ArrowLeftIcon aria-hidden /> {t('partners.entry.back')}
    </Link>
  );
}

function NewOfflinePartner() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Flex direction="column" gap="4">
      <BackLink />
      <PageTitle title={t('partners.entry.titleNew')} />
      <Text as="p" color="gray">
        {t('partners.entry.newOfflineIntro')}
      </Text>
      <PartnerForm
        kind="createOffline"
        onCreated={(partner) => void navigate(`/network/${partner.orgId}`, { state: { created: true } })}
      />
    </Flex>
  );
}

export default function NetworkEntryPage() {
  const { orgId = '' } = useParams();
  const canRead = useCan('partner.read');
  const isNetworkAdmin = useCan('partner.approve');
  if (!canRead) return <NotFoundPage />;
  if (orgId === 'new') return isNetworkAdmin ? <NewOfflinePartner /> : <NotFoundPage />;
  return <Entry orgId={orgId} isNetworkAdmin={isNetworkAdmin} />;
}

function Entry({ orgId, isNetworkAdmin }: { orgId: string; isNetworkAdmin: boolean }) {
  const t = useT();
  const labels = usePartnerLabels();
  const formatDateTime = useFormatDateTime();
  const session = useFullSession();
  const canUpdateOwn = useCan('partner.update');
  const entry = usePartner(orgId);
  const isCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const isOwn = orgId === session.user.orgId;
  const isMissing = entry.error instanceof ApiError && entry.error.status === 404;
  const partner = entry.data;

  if (entry.isPending) return <Loading />;
  if (isMissing && isOwn && (canUpdateOwn || isNetworkAdmin)) {
    // the organisation's first entry: sent with version 1, approved later by a network administrator
    return (
      <Flex direction="column" gap="4">
        <BackLink />
        <PageTitle title={t('partners.myEntry')} />
        <Notice tone="info">{t('partners.entry.createOwn')}</Notice>
        <PartnerForm kind="edit" orgId={orgId} partner={null} onReload={() => entry.refetch()} />
      </Flex>
    );
  }
  if (isMissing) {
    return (
      <Flex direction="column" gap="4">
        <BackLink />
        <NotFoundPage />
      </Flex>
    );
  }
  if (!partner) {
    return (
      <Flex direction="column" gap="4">
        <BackLink />
        <ErrorCallout error={entry.error} />
      </Flex>
    );
  }

  const name = labels.name(partner.names);
  return (
    <Flex direction="column" gap="4">
      <BackLink />
      <div>
        <PageTitle title={name} />
        <Flex gap="2" wrap="wrap" align="center" data-testid="entry-badges">
          <Badge color="gray">{labels.type(partner.partnerType)}</Badge>
          <ConnectionBadge usesSenim={partner.usesSenim} />
          <MembershipBadge state={partner.membership} />
          <Badge color={partner.published ? 'indigo' : 'gray'} variant="outline">
            {partner.published
              ? t('partners.entry.publishedWith', {
                  fields:
                    labels.list(partner.publishedFields, (f) =>
                      labels.field(f).toLocaleLowerCase(labels.locale),
                    ) || '—',
                })
              : t('partners.entry.notPublished')}
          </Badge>
          <Text size="1" color="gray">
            {t('partners.entry.updatedAt', { time: formatDateTime(partner.updatedAt) ?? '' })}
          </Text>
        </Flex>
      </div>
      {isCreated ? <Notice>{t('partners.entry.created')}</Notice> : null}
      {isNetworkAdmin ? <MembershipActions partner={partner} /> : null}
      {partner.canEdit ? (
        <PartnerForm kind="edit" orgId={orgId} partner={partner} onReload={() => entry.refetch()} />
      ) : (
        <PartnerDetails partner={partner} />
      )}
    </Flex>
  );
}
