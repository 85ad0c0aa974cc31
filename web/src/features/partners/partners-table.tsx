// The partners found: type, services, regions, languages, how they receive referrals, memoranda.
import { Badge, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import type { TPartner } from '../../../../shared/schemas/partners';
import { useT } from '../../i18n/use-t';
import { usePartnerLabels } from './labels';

export function ConnectionBadge({ usesSenim }: { usesSenim: boolean }) {
  const t = useT();
  return usesSenim ? (
    <Badge color="green">{t('partners.usesSenim')}</Badge>
  ) : (
    <Badge color="amber">{t('partners.receivesLetters')}</Badge>
  );
}

export function MembershipBadge({ state }: { state: TPartner['membership'] }) {
  const labels = usePartnerLabels();
  const color = state === 'approved' ? 'green' : state === 'pending' ? 'amber' : 'gray';
  return <Badge color={color}>{labels.membership(state)}</Badge>;
}

export function PartnersTable({
  partners,
  caption,
  showMembership,
  testId = 'partners-table',
}: {
  partners: readonly TPartner[];
  caption: string;
  showMembership: boolean;
  testId?: string;
}) {
  const t = useT();
  const labels = usePartnerLabels();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partners.col.name')}</th>
            <th scope="col">{t('partners.col.type')}</th>
            <th scope="col">{t('partners.col.services')}</th>
            <th scope="col">{t('partners.col.regions')}</th>
            <th scope="col">{t('partners.col.languages')}</th>
            <th scope="col">{t('partners.col.connection')}</th>
            <th scope="col">{t('partners.col.memoranda')}</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.orgId} data-testid="partner-row">
              <th scope="row">
                <Link to={`/network/${p.orgId}`}>{labels.name(p.names)}</Link>
                {showMembership && p.membership !== 'approved' ? (
                  <>
                    {' '}
                    <MembershipBadge state={p.membership} />
                  </>
                ) : null}
              </th>
              <td>{labels.type(p.partnerType)}</td>
              <td>{labels.list(p.services, labels.service)}</td>
              <td>
                {p.regions.length > 0 ? (
                  labels.list(p.regions, labels.region)
                ) : (
                  <Text color="gray">{t('common.notSet')}</Text>
                )}
              </td>
              <td>{labels.list(p.languages, labels.language)}</td>
              <td>
                <ConnectionBadge usesSenim={p.usesSenim} />
              </td>
              <td>{p.memoranda.map((m) => labels.name(m.titles)).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
