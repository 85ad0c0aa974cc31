// The case list's search and filters. Selects apply at once; the search text and the dates apply
// with Enter or the search button (a date being typed is not a filter yet).
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { Button, Flex, Grid, Text, TextField } from '@radix-ui/themes';
import { useState } from 'react';
import { ZCaseStatus } from '../../../../shared/htcds/code-lists';
import { CASE_SORTS } from '../../../../shared/schemas/cases';
import type { TUser } from '../../api/types';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { TextInputField } from '../../components/text-input-field';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { RegionSelect } from '../organisations/region-select';
import { caseStatusLabel } from './case-labels';
import { EMPTY_FILTERS, isFiltered, type TCaseListFilters } from './list-params';

type TProps = {
  filters: TCaseListFilters;
  onApply: (next: TCaseListFilters) => void;
  /** users to filter by assignee; null when the role may not list users */
  users: TUser[] | null;
  /** field errors from the server, by parameter */
  fieldErrors: Record<string, string>;
};

const UUID = /^[0-9a-f-]{36}$/i;

export function CaseFilters({ filters, onApply, users, fieldErrors }: TProps) {
  const t = useT();
  const { locale } = useLocale();
  const [draft, setDraft] = useState(filters);
  const apply = (change: Partial<TCaseListFilters> = {}) => onApply({ ...draft, ...change, page: 1 });
  const select = (key: keyof TCaseListFilters) => ({
    value: String(draft[key]),
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setDraft((d) => ({ ...d, [key]: value }));
      apply({ [key]: value });
    },
  });
  const knownUser = users?.some((u) => u.id === draft.assigned) ?? false;

  return (
    <form
      role="search"
      aria-label={t('caseList.filtersLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <Flex direction="column" gap="3">
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={t('caseList.searchLabel')} hint={t('caseList.searchHint')} error={fieldErrors.q}>
            {({ id, describedBy, invalid }) => (
              <TextField.Root
                id={id}
                type="search"
                value={draft.q}
                onChange={(event) => setDraft((d) => ({ ...d, q: event.target.value }))}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                autoComplete="off"
                className="search-field"
                data-testid="case-search"
              >
                <TextField.Slot>
                  <MagnifyingGlassIcon aria-hidden />
                </TextField.Slot>
              </TextField.Root>
            )}
          </FormField>
        </Flex>
        <Grid columns={{ initial: '1', sm: '2', md: '4' }} gap="3" align="end">
          <FormField label={t('caseList.status')} error={fieldErrors.status}>
            {({ id }) => (
              <NativeSelect id={id} {...select('status')}>
                <option value="">{t('caseList.any')}</option>
                {ZCaseStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {caseStatusLabel(locale, s)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField label={t('caseList.region')} error={fieldErrors.region}>
            {({ id }) => <RegionSelect id={id} {...select('region')} />}
          </FormField>
          <FormField label={t('caseList.assigned')} error={fieldErrors.assigned}>
            {({ id }) => (
              <NativeSelect id={id} {...select('assigned')}>
                <option value="">{t('caseList.assignedAnyone')}</option>
                <option value="me">{t('caseList.assignedMe')}</option>
                {draft.assigned && UUID.test(draft.assigned) && !knownUser ? (
                  <option value={draft.assigned}>{t('caseList.assignedOther')}</option>
                ) : null}
                {(users ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField label={t('caseList.sort')}>
            {({ id }) => (
              <NativeSelect id={id} {...select('sort')}>
                {CASE_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`caseList.sort.${s}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <TextInputField
            label={t('caseList.openedFrom')}
            type="date"
            value={draft.openedFrom}
            max={draft.openedTo || undefined}
            error={fieldErrors.openedFrom}
            onChange={(event) => setDraft((d) => ({ ...d, openedFrom: event.target.value }))}
          />
          <TextInputField
            label={t('caseList.openedTo')}
            type="date"
            value={draft.openedTo}
            min={draft.openedFrom || undefined}
            error={fieldErrors.openedTo}
            onChange={(event) => setDraft((d) => ({ ...d, openedTo: event.target.value }))}
          />
          <Flex gap="2" align="end">
            <Button type="submit">{t('caseList.searchSubmit')}</Button>
            {isFiltered(filters) ? (
              <Button
                type="button"
                variant="soft"
                color="gray"
                onClick={() => {
                  setDraft({ ...EMPTY_FILTERS, sort: draft.sort });
                  onApply({ ...EMPTY_FILTERS, sort: draft.sort });
                }}
              >
                {t('caseList.clearFilters')}
              </Button>
            ) : null}
          </Flex>
        </Grid>
        {Object.keys(fieldErrors).length > 0 ? (
          <Text size="2" color="red" role="alert">
            {t('caseList.fixFilters')}
          </Text>
        ) : null}
      </Flex>
    </form>
  );
}
