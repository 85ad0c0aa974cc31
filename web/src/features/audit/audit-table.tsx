import { Badge } from '@radix-ui/themes';
import { AUDIT_EVENTS, type TAuditEvent } from '../../../../shared/audit-events';
import type { TAuditEntry } from '../../api/types';
import { useFormatDateTime, useT } from '../../i18n/use-t';

const isKnownEvent = (action: string): action is TAuditEvent =>
  (AUDIT_EVENTS as readonly string[]).includes(action);
const OUTCOME_COLOURS = { success: 'green', denied: 'red', failure: 'amber' } as const;

function describeDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'object' && Object.keys(details).length === 0) return '';
  const text = JSON.stringify(details);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function AuditTable({ entries }: { entries: TAuditEntry[] }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.colTime')}</th>
            <th scope="col">{t('audit.colActor')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colOutcome')}</th>
            <th scope="col">{t('audit.colTarget')}</th>
            <th scope="col">{t('audit.colIp')}</th>
            <th scope="col">{t('audit.colDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td>{entry.actorEmail ?? t('audit.system')}</td>
              <td>{isKnownEvent(entry.action) ? t(`auditEvent.${entry.action}`) : entry.action}</td>
              <td>
                <Badge color={OUTCOME_COLOURS[entry.outcome]}>{t(`auditOutcome.${entry.outcome}`)}</Badge>
              </td>
              <td className="details-cell">{[entry.targetType, entry.targetId].filter(Boolean).join(' ')}</td>
              <td>{entry.ip ?? ''}</td>
              <td className="details-cell">{describeDetails(entry.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
