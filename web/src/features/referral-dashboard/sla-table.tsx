// The SLA table: one row per receiving organisation, sortable by overdue, acceptance rate, time to
// answer and volume. Overdue rows are marked in colour and in words (not by colour alone).
import { Badge, Text } from '@radix-ui/themes';
import { useState } from 'react';
import type { TDashboardPartner } from '../../api/referral-dashboard';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { useIntl } from 'react-intl';

// Inline styles: the shared stylesheet belongs to the app shell.
const NUM = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
const SORT_BUTTON = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: 'inherit',
  cursor: 'pointer',
  textAlign: 'inherit',
} as const;
const OVERDUE_ROW = { background: 'var(--red-2)' } as const;

export type TSortKey = 'overdue' | 'acceptanceRate' | 'medianHoursToAnswer' | 'received' | 'name';
type TSort = { key: TSortKey; dir: 'asc' | 'desc' };

const DEFAULT_DIR: Record<TSortKey, 'asc' | 'desc'> = {
  overdue: 'desc',
  acceptanceRate: 'asc', // worst first
  medianHoursToAnswer: 'desc', // slowest first
  received: 'desc',
  name: 'asc',
};

export function partnerName(names: TDashboardPartner['names'], locale: 'en' | 'ru' | 'kk'): string {
  return names[locale] ?? names.ru;
}

/** Sorted rows; rows without a value (no answers yet) go last whatever the direction. */
export function sortPartners(
  rows: TDashboardPartner[],
  sort: TSort,
  locale: 'en' | 'ru' | 'kk',
): TDashboardPartner[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const value = (p: TDashboardPartner): number | string | null =>
    sort.key === 'name'
      ? partnerName(p.names, locale)
      : sort.key === 'medianHoursToAnswer'
        ? p.medianHoursToAnswer
        : p[sort.key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? va.localeCompare(vb as string, locale) : va - (vb as number);
    return c * sign || b.received - a.received;
  });
}

export function SlaTable({ partners, ownOrgId }: { partners: TDashboardPartner[]; ownOrgId: string | null }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const [sort, setSort] = useState<TSort>({ key: 'overdue', dir: 'desc' });
  const rows = sortPartners(partners, sort, locale);
  const pct = (x: number | null) =>
    x === null ? '—' : intl.formatNumber(x, { style: 'percent', maximumFractionDigits: 0 });
  const hours = (x: number | null) => (x === null ? '—' : t('refDash.hours', { n: x }));

  const header = (key: TSortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
        style={numeric ? NUM : undefined}
      >
        <button
          type="button"
          style={SORT_BUTTON}
          onClick={() =>
            setSort(
              active ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: DEFAULT_DIR[key] },
            )
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="referral-sla-table">
        <caption className="visually-hidden">{t('refDash.tableCaption')}</caption>
        <thead>
          <tr>
            {header('name', t('refDash.colPartner'), false)}
            {header('received', t('refDash.colReceived'))}
            <th scope="col" style={NUM}>
              {t('refDash.colAccepted')}
            </th>
            <th scope="col" style={NUM}>
              {t('refDash.colDeclined')}
            </th>
            <th scope="col" style={NUM}>
              {t('refDash.colCompleted')}
            </th>
            <th scope="col" style={NUM}>
              {t('refDash.colExpired')}
            </th>
            <th scope="col" style={NUM}>
              {t('refDash.colOpen')}
            </th>
            {header('overdue', t('refDash.colOverdue'))}
            {header('acceptanceRate', t('refDash.colAcceptance'))}
            {header('medianHoursToAnswer', t('refDash.colMedian'))}
            <th scope="col" style={NUM}>
              {t('refDash.colP90')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr
              key={p.orgId}
              data-org-id={p.orgId}
              data-overdue={p.overdue > 0 ? 'true' : undefined}
              style={p.overdue > 0 ? OVERDUE_ROW : undefined}
            >
              <th scope="row">
                {partnerName(p.names, locale)}
                {p.orgId === ownOrgId ? (
                  <>
                    {' '}
                    <Badge color="gray" variant="soft">
                      {t('refDash.ownOrg')}
                    </Badge>
                  </>
                ) : null}
              </th>
              <td style={NUM}>{intl.formatNumber(p.received)}</td>
              <td style={NUM}>{intl.formatNumber(p.accepted)}</td>
              <td style={NUM}>{intl.formatNumber(p.declined)}</td>
              <td style={NUM}>{intl.formatNumber(p.completed)}</td>
              <td style={NUM}>{intl.formatNumber(p.expired)}</td>
              <td style={NUM}>{intl.formatNumber(p.open)}</td>
              <td style={NUM}>
                {p.overdue > 0 ? (
                  <Badge color="red" variant="soft">
                    {t('refDash.overdueCount', { n: p.overdue })}
                  </Badge>
                ) : (
                  <Text color="gray">0</Text>
                )}
              </td>
              <td style={NUM}>{pct(p.acceptanceRate)}</td>
              <td style={NUM}>{hours(p.medianHoursToAnswer)}</td>
              <td style={NUM}>{hours(p.p90HoursToAnswer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
