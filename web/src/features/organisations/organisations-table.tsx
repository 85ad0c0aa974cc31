import { Badge } from '@radix-ui/themes';
import { Link } from 'react-router';
import { regionName } from '../../../../shared/regions';
import type { TOrganisation } from '../../api/types';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

export function OrganisationsTable({ items }: { items: TOrganisation[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('orgs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orgForm.name')}</th>
            <th scope="col">{t('orgForm.type')}</th>
            <th scope="col">{t('orgForm.region')}</th>
            <th scope="col">{t('orgs.colTwoFactor')}</th>
            <th scope="col">{t('users.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((org) => (
            <tr key={org.id}>
              <th scope="row">
                <Link to={`/organisations/${org.id}`}>{org.name}</Link>
                {org.isNetworkCoordinator ? (
                  <>
                    {' '}
                    <Badge color="indigo">{t('org.coordinator')}</Badge>
                  </>
                ) : null}
              </th>
              <td>{t(`orgType.${org.type}`)}</td>
              <td>{org.region ? regionName(org.region, locale) : t('common.notSet')}</td>
              <td>{org.requireTwoFactor ? t('orgs.twoFactorRequired') : t('orgs.twoFactorOptional')}</td>
              <td>
                {org.isActive ? (
                  <Badge color="green">{t('org.active')}</Badge>
                ) : (
                  <Badge color="gray">{t('org.inactive')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
