// Editing the person: identity, profile, contact details, documents and household, saved as one PUT
// with the case's version.
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { Button, Checkbox, Flex, Grid, IconButton, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import {
  DOCUMENT_TYPES,
  HOUSEHOLD_RELATIONS,
  ZUpdatePersonRequest,
  type TUpdatePersonRequest,
} from '../../../../shared/schemas/case-file';
import { MIGRATION_STATUSES } from '../../../../shared/schemas/cases';
import { useUpdatePerson, type TCaseFile } from '../../api/case-file';
import { FormField } from '../../components/form-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CHECKED_FIELDS, DuplicateWarning, type TCheckedValues } from '../duplicates/duplicate-warning';
import {
  CheckboxGroupField,
  CountryListField,
  CountrySelect,
  HtcdsSelect,
  PrefixedSelect,
  usePrefixedOptions,
} from './controls';
import { PERSON_LANGUAGES } from './countries';
import { todayDay } from './labels';
import {
  emptyDocument,
  emptyHouseholdMember,
  personFormValues,
  personRequest,
  type TPersonFormValues,
} from './person-form-values';
import { CaseFormFooter, SubHeading } from './section';
import { useSectionForm } from './section-form';

const HELD_BY = ['person', 'employer_or_other', 'lost', 'unknown'] as const;

export function PersonForm({
  caseFile,
  onSaved,
  onReload,
}: {
  caseFile: TCaseFile;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const update = useUpdatePerson(caseFile.id);
  const { form, submit } = useSectionForm<TPersonFormValues, TUpdatePersonRequest>({
    caseFile,
    schema: ZUpdatePersonRequest,
    toRequest: personRequest,
    defaultValues: personFormValues(caseFile),
    update,
    onSaved,
  });
  const { errors } = form.formState;
  const documents = useFieldArray({ control: form.control, name: 'extra.documents' });
  const household = useFieldArray({ control: form.control, name: 'extra.household' });
  const languageOptions = usePrefixedOptions('caseFile.language', PERSON_LANGUAGES);
  const today = todayDay();
  // Once a name, the birth date, the phone or the document is changed, likely duplicates in the
  // organisation (not this person itself) appear before saving.
  const [defaults] = useState(() => form.formState.defaultValues?.person ?? {});
  const watched = useWatch({
    control: form.control,
    name: CHECKED_FIELDS.map((f) => `person.${f}` as const),
  });
  const identity: TCheckedValues = Object.fromEntries(CHECKED_FIELDS.map((f, i) => [f, watched[i]]));
  const identityChanged = CHECKED_FIELDS.some(
    (f) => (identity[f] ?? '').trim() !== (defaults[f] ?? '').trim(),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <Flex direction="column" gap="3">
        <SubHeading>{t('caseFile.person.identity')}</SubHeading>
        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <TextInputField
            label={t('caseFile.person.familyName')}
            error={errors.person?.familyName?.message}
            autoComplete="off"
            autoFocus
            {...form.register('person.familyName')}
          />
          <TextInputField
            label={t('caseFile.person.givenName')}
            error={errors.person?.givenName?.message}
            autoComplete="off"
            {...form.register('person.givenName')}
          />
          <TextInputField
            label={t('caseFile.person.middleName')}
            error={errors.person?.middleName?.message}
            autoComplete="off"
            {...form.register('person.middleName')}
          />
          <TextInputField
            label={t('caseFile.person.birthDate')}
            error={errors.person?.birthDate?.message}
            type="date"
            max={today}
            {...form.register('person.birthDate')}
          />
          <TextInputField
            label={t('caseFile.person.ageYears')}
            hint={t('caseFile.person.ageHint')}
            error={errors.ageYears?.message}
            inputMode="numeric"
            autoComplete="off"
            {...form.register('ageYears')}
          />
          <TextInputField
            label={t('caseFile.person.ageStatedOn')}
            error={errors.ageStatedOn?.message}
            type="date"
            max={today}
            {...form.register('ageStatedOn')}
          />
          <FormField label={t('caseFile.person.sex')} error={errors.person?.sex?.message}>
            {({ id, describedBy, invalid }) => (
              <HtcdsSelect
                id={id}
                list="gender"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('person.sex')}
              />
            )}
          </FormField>
          <FormField label={t('caseFile.person.citizenship')} error={errors.person?.citizenship?.message}>
            {({ id, describedBy, invalid }) => (
              <CountrySelect
                id={id}
                current={caseFile.person?.citizenship}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('person.citizenship')}
              />
            )}
          </FormField>
          <FormField
            label={t('caseFile.person.migrationStatus')}
            error={errors.person?.migrationStatus?.message}
          >
            {({ id, describedBy, invalid }) => (
              <PrefixedSelect
                id={id}
                prefix="caseFile.migration"
                codes={MIGRATION_STATUSES}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('person.migrationStatus')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.person.phone')}
            error={errors.person?.phone?.message}
            type="tel"
            autoComplete="off"
            {...form.register('person.phone')}
          />
          <TextInputField
            label={t('caseFile.person.documentNumber')}
            error={errors.person?.documentNumber?.message}
            autoComplete="off"
            {...form.register('person.documentNumber')}
          />
          <TextInputField
            label={t('caseFile.person.address')}
            error={errors.person?.address?.message}
            autoComplete="off"
            {...form.register('person.address')}
          />
        </Grid>
        {identityChanged ? <DuplicateWarning person={identity} personId={caseFile.person?.id} /> : null}
        <Controller
          control={form.control}
          name="person.languages"
          render={({ field }) => (
            <CheckboxGroupField
              legend={t('caseFile.person.languages')}
              options={languageOptions}
              value={field.value}
              onChange={field.onChange}
              error={errors.person?.languages?.message}
              columns={3}
            />
          )}
        />
        <Controller
          control={form.control}
          name="profile.otherCitizenships"
          render={({ field }) => (
            <CountryListField
              legend={t('caseFile.person.otherCitizenships')}
              value={field.value}
              onChange={field.onChange}
              max={5}
            />
          )}
        />

        <SubHeading>{t('caseFile.person.profile')}</SubHeading>
        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <FormField label={t('caseFile.person.maritalStatus')}>
            {({ id }) => (
              <HtcdsSelect id={id} list="maritalStatus" {...form.register('profile.maritalStatus')} />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.person.numberOfChildren')}
            error={errors.profile?.numberOfChildren?.message}
            inputMode="numeric"
            autoComplete="off"
            {...form.register('profile.numberOfChildren')}
          />
          <FormField label={t('caseFile.person.education')}>
            {({ id }) => (
              <HtcdsSelect id={id} list="educationLevel" {...form.register('profile.education')} />
            )}
          </FormField>
          <FormField label={t('caseFile.person.primaryLanguage')}>
            {({ id }) => (
              <PrefixedSelect
                id={id}
                prefix="caseFile.language"
                codes={PERSON_LANGUAGES}
                current={caseFile.personProfile?.primaryLanguage}
                {...form.register('profile.primaryLanguage')}
              />
            )}
          </FormField>
          <FormField label={t('caseFile.person.secondaryLanguage')}>
            {({ id }) => (
              <PrefixedSelect
                id={id}
                prefix="caseFile.language"
                codes={PERSON_LANGUAGES}
                current={caseFile.personProfile?.secondaryLanguage}
                {...form.register('profile.secondaryLanguage')}
              />
            )}
          </FormField>
          <Controller
            control={form.control}
            name="profile.deceased"
            render={({ field }) => (
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />
                  {t('caseFile.person.deceased')}
                </Flex>
              </Text>
            )}
          />
        </Grid>

        <SubHeading>{t('caseFile.person.contacts')}</SubHeading>
        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <TextInputField
            label={t('caseFile.person.salutation')}
            error={errors.extra?.salutation?.message}
            autoComplete="off"
            {...form.register('extra.salutation')}
          />
          <TextInputField
            label={t('caseFile.person.title')}
            error={errors.extra?.title?.message}
            autoComplete="off"
            {...form.register('extra.title')}
          />
          <TextInputField
            label={t('caseFile.person.email')}
            error={errors.extra?.email?.message}
            type="email"
            autoComplete="off"
            {...form.register('extra.email')}
          />
          <TextInputField
            label={t('caseFile.person.homePhone')}
            error={errors.extra?.homePhone?.message}
            type="tel"
            autoComplete="off"
            {...form.register('extra.homePhone')}
          />
          <TextInputField
            label={t('caseFile.person.mailingStreet')}
            error={errors.extra?.mailingStreet?.message}
            autoComplete="off"
            {...form.register('extra.mailingStreet')}
          />
          <TextInputField
            label={t('caseFile.person.mailingCity')}
            error={errors.extra?.mailingCity?.message}
            autoComplete="off"
            {...form.register('extra.mailingCity')}
          />
          <TextInputField
            label={t('caseFile.person.mailingState')}
            error={errors.extra?.mailingState?.message}
            autoComplete="off"
            {...form.register('extra.mailingState')}
          />
          <TextInputField
            label={t('caseFile.person.mailingPostalCode')}
            error={errors.extra?.mailingPostalCode?.message}
            autoComplete="off"
            {...form.register('extra.mailingPostalCode')}
          />
          <FormField
            label={t('caseFile.person.mailingCountry')}
            error={errors.extra?.mailingCountry?.message}
          >
            {({ id, describedBy, invalid }) => (
              <CountrySelect
                id={id}
                current={caseFile.personExtra?.mailingCountry}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('extra.mailingCountry')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.person.mailingLatitude')}
            error={errors.extra?.mailingLatitude?.message}
            inputMode="decimal"
            autoComplete="off"
            {...form.register('extra.mailingLatitude')}
          />
          <TextInputField
            label={t('caseFile.person.mailingLongitude')}
            error={errors.extra?.mailingLongitude?.message}
            inputMode="decimal"
            autoComplete="off"
            {...form.register('extra.mailingLongitude')}
          />
        </Grid>

        <SubHeading>{t('caseFile.person.documents')}</SubHeading>
        {documents.fields.map((row, index) => {
          const e = errors.extra?.documents?.[index];
          return (
            <fieldset key={row.id} className="fieldset" data-testid="document-row">
              <legend>
                <Text size="2" weight="bold">
                  {t('caseFile.person.documentN', { n: index + 1 })}
                </Text>
              </legend>
              <Grid columns={{ initial: '1', sm: '3' }} gap="3" align="end">
                <FormField label={t('caseFile.person.documentType')} error={e?.type?.message}>
                  {({ id }) => (
                    <PrefixedSelect
                      id={id}
                      prefix="caseFile.documentType"
                      codes={DOCUMENT_TYPES}
                      required
                      {...form.register(`extra.documents.${index}.type`)}
                    />
                  )}
                </FormField>
                <TextInputField
                  label={t('caseFile.person.documentNumberOf')}
                  error={e?.number?.message}
                  autoComplete="off"
                  {...form.register(`extra.documents.${index}.number`)}
                />
                <FormField label={t('caseFile.person.documentCountry')}>
                  {({ id }) => (
                    <CountrySelect id={id} {...form.register(`extra.documents.${index}.country`)} />
                  )}
                </FormField>
                <TextInputField
                  label={t('caseFile.person.validUntil')}
                  error={e?.validUntil?.message}
                  type="date"
                  {...form.register(`extra.documents.${index}.validUntil`)}
                />
                <FormField label={t('caseFile.person.heldBy')}>
                  {({ id }) => (
                    <PrefixedSelect
                      id={id}
                      prefix="caseFile.heldBy"
                      codes={HELD_BY}
                      {...form.register(`extra.documents.${index}.heldBy`)}
                    />
                  )}
                </FormField>
                <Flex justify="end">
                  <Button type="button" variant="soft" color="red" onClick={() => documents.remove(index)}>
                    <Cross2Icon aria-hidden />
                    {t('caseFile.person.removeDocument', { n: index + 1 })}
                  </Button>
                </Flex>
              </Grid>
            </fieldset>
          );
        })}
        <Flex>
          <Button type="button" variant="soft" onClick={() => documents.append(emptyDocument())}>
            <PlusIcon aria-hidden />
            {t('caseFile.person.addDocument')}
          </Button>
        </Flex>

        <SubHeading>{t('caseFile.person.household')}</SubHeading>
        {household.fields.map((row, index) => {
          const e = errors.extra?.household?.[index];
          return (
            <Grid
              key={row.id}
              columns={{ initial: '1', sm: '5' }}
              gap="3"
              align="end"
              data-testid="household-row"
            >
              <TextInputField
                label={t('caseFile.person.memberName')}
                error={e?.name?.message}
                autoComplete="off"
                {...form.register(`extra.household.${index}.name`)}
              />
              <FormField label={t('caseFile.person.relation')}>
                {({ id }) => (
                  <PrefixedSelect
                    id={id}
                    prefix="caseFile.relation"
                    codes={HOUSEHOLD_RELATIONS}
                    required
                    {...form.register(`extra.household.${index}.relation`)}
                  />
                )}
              </FormField>
              <TextInputField
                label={t('caseFile.person.birthYear')}
                error={e?.birthYear?.message}
                inputMode="numeric"
                autoComplete="off"
                {...form.register(`extra.household.${index}.birthYear`)}
              />
              <Controller
                control={form.control}
                name={`extra.household.${index}.together`}
                render={({ field }) => (
                  <Text as="label" size="2">
                    <Flex gap="2" align="center">
                      <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />
                      {t('caseFile.person.together')}
                    </Flex>
                  </Text>
                )}
              />
              <Flex justify="end">
                <IconButton
                  type="button"
                  variant="soft"
                  color="red"
                  aria-label={t('caseFile.person.removeMember', { n: index + 1 })}
                  onClick={() => household.remove(index)}
                >
                  <Cross2Icon aria-hidden />
                </IconButton>
              </Flex>
            </Grid>
          );
        })}
        <Flex>
          <Button type="button" variant="soft" onClick={() => household.append(emptyHouseholdMember())}>
            <PlusIcon aria-hidden />
            {t('caseFile.person.addMember')}
          </Button>
        </Flex>

        <CaseFormFooter update={update} isDirty={form.formState.isDirty} onReload={onReload} />
      </Flex>
    </form>
  );
}
