// One page of cases: the number links to the case file; no identity fields (the list has none).
import { Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { regionName } from '../../../../shared/regions';
import type { TCaseSummary } from '../../api/cases';
import type { TUser } from '../../api/types';
import { useLocale } from '../../i18n/locale-provider';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { caseStageLabel, CaseStatusBadge } from './case-labels';

export function CasesTable({
  cases,
  me,
  users,
}: {
  cases: TCaseSummary[];
  me: string;
  users: TUser[] | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const formatDateTime = useFormatDateTime();
  const names = new Map((users ?? []).map((u) => [u.id, u.fullName]));
  const assignee = (id: string | null) => {
    if (id === null) return <Text color="gray">{t('caseList.unassigned')}</Text>;
    if (id === me) return t('caseList.assignedMe');
    return names.get(id) ?? t('caseList.assignedOther');
  };
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="cases-table">
        <caption className="visually-hidden">{t('caseList.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseList.colNumber')}</th>
            <th scope="col">{t('caseList.colStatus')}</th>
            <th scope="col">{t('caseList.colStage')}</th>
            <th scope="col">{t('caseList.colRegion')}</th>
            <th scope="col">{t('caseList.colAssigned')}</th>
            <th scope="col">{t('caseList.colOpened')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case-id={c.id}>
              <th scope="row">
                <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
              </th>
              <td>
                <CaseStatusBadge status={c.status} />
              </td>
              <td>{caseStageLabel(t, c.stage)}</td>
              <td>{c.region ? regionName(c.region, locale) : ''}</td>
              <td>{assignee(c.assignedUserId)}</td>
              <td>
                <time dateTime={c.openedAt}>{formatDateTime(c.openedAt, 'date')}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
