import { Flex } from '@radix-ui/themes';
import { AUDIT_EVENTS, AUDIT_OUTCOMES } from '../../../../shared/audit-events';
import type { TAuditFilters } from '../../api/admin';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';

export function AuditFilters({
  filters,
  onChange,
}: {
  filters: TAuditFilters;
  onChange: (next: TAuditFilters) => void;
}) {
  const t = useT();
  const events = [...AUDIT_EVENTS].sort((a, b) => t(`auditEvent.${a}`).localeCompare(t(`auditEvent.${b}`)));
  return (
    <Flex gap="4" wrap="wrap" align="end">
      <FormField label={t('audit.filterAction')}>
        {({ id }) => (
          <NativeSelect
            id={id}
            value={filters.action}
            onChange={(e) => onChange({ ...filters, action: e.target.value })}
            data-testid="audit-action"
          >
            <option value="">{t('audit.allActions')}</option>
            {events.map((event) => (
              <option key={event} value={event}>
                {t(`auditEvent.${event}`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <FormField label={t('audit.filterOutcome')}>
        {({ id }) => (
          <NativeSelect
            id={id}
            value={filters.outcome}
            onChange={(e) => onChange({ ...filters, outcome: e.target.value })}
            data-testid="audit-outcome"
          >
            <option value="">{t('audit.allOutcomes')}</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`auditOutcome.${outcome}`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
    </Flex>
  );
}
