// The directory's search box and filters. Selects apply at once; the search text with Enter or the
// button. Membership is offered to network administrators only (others see approved partners).
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { Button, Flex, Grid, TextField } from '@radix-ui/themes';
import { useMemo, useState, type ReactNode } from 'react';
import {
  MEMBERSHIP_STATES,
  PARTNER_LANGUAGES,
  PARTNER_SERVICES,
  PARTNER_TYPES,
} from '../../../../shared/schemas/partners';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';
import { REGIONS } from '../../../../shared/regions';
import { usePartnerLabels } from './labels';
import { EMPTY_PARTNER_FILTERS, isFiltered, type TPartnerFilters } from './list-params';

type TProps = {
  filters: TPartnerFilters;
  onApply: (next: TPartnerFilters) => void;
  canSeeMembership: boolean;
};

export function PartnerFilters({ filters, onApply, canSeeMembership }: TProps) {
  const t = useT();
  const labels = usePartnerLabels();
  const [q, setQ] = useState(filters.q);
  const regionCodes = useMemo(
    () =>
      REGIONS.map((r) => r.code).sort((a, b) =>
        labels.region(a).localeCompare(labels.region(b), labels.locale),
      ),
    [labels],
  );
  const select = (key: keyof TPartnerFilters) => ({
    value: filters[key],
    onChange: (event: { target: { value: string } }) => onApply({ ...filters, q, [key]: event.target.value }),
  });
  const codeSelect = (
    key: keyof TPartnerFilters,
    label: string,
    codes: readonly string[],
    of: (code: string) => string,
  ): ReactNode => (
    <FormField label={label}>
      {({ id }) => (
        <NativeSelect id={id} {...select(key)} data-testid={`filter-${key}`}>
          <option value="">{t('partners.filter.any')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {of(code)}
            </option>
          ))}
        </NativeSelect>
      )}
    </FormField>
  );

  return (
    <form
      role="search"
      aria-label={t('partners.filtersLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...filters, q });
      }}
    >
      <Flex direction="column" gap="3">
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={t('partners.search')} hint={t('partners.searchHint')}>
            {({ id, describedBy }) => (
              <TextField.Root
                id={id}
                type="search"
                value={q}
                maxLength={100}
                onChange={(event) => setQ(event.target.value)}
                aria-describedby={describedBy}
                autoComplete="off"
                className="search-field"
                data-testid="partner-search"
              >
                <TextField.Slot>
                  <MagnifyingGlassIcon aria-hidden />
                </TextField.Slot>
              </TextField.Root>
            )}
          </FormField>
          <Button type="submit">{t('partners.searchButton')}</Button>
          {isFiltered(filters) ? (
            <Button
              type="button"
              variant="soft"
              color="gray"
              onClick={() => {
                setQ('');
                onApply(EMPTY_PARTNER_FILTERS);
              }}
            >
              {t('partners.filter.clear')}
            </Button>
          ) : null}
        </Flex>
        <Grid columns={{ initial: '1', sm: '2', md: canSeeMembership ? '3' : '5' }} gap="3" align="end">
          {codeSelect('service', t('partners.filter.service'), PARTNER_SERVICES, labels.service)}
          {codeSelect('region', t('partners.filter.region'), regionCodes, labels.region)}
          {codeSelect('language', t('partners.filter.language'), PARTNER_LANGUAGES, labels.language)}
          {codeSelect('type', t('partners.filter.type'), PARTNER_TYPES, labels.type)}
          <FormField label={t('partners.filter.usesSenim')}>
            {({ id }) => (
              <NativeSelect id={id} {...select('usesSenim')} data-testid="filter-usesSenim">
                <option value="">{t('partners.filter.any')}</option>
                <option value="true">{t('partners.usesSenim')}</option>
                <option value="false">{t('partners.receivesLetters')}</option>
              </NativeSelect>
            )}
          </FormField>
          {canSeeMembership
            ? codeSelect('membership', t('partners.filter.membership'), MEMBERSHIP_STATES, labels.membership)
            : null}
        </Grid>
      </Flex>
    </form>
  );
}
