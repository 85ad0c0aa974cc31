// Consent: what was explained to the person and what they agreed to, when and by whom; the current
// consent (what sharing checks), its history, recording a new one and withdrawing the current one.
import { CheckIcon, Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { Badge, Button, DataList, Flex, Grid, Text, TextArea } from '@radix-ui/themes';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  ZConsentInput,
  type TConsent,
  type TConsentInput,
} from '../../../../shared/schemas/case-file';
import { mayEditFile, useRecordConsent, useWithdrawConsent, type TCaseFile } from '../../api/case-file';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { Notice } from '../../components/notice';
import { TextInputField } from '../../components/text-input-field';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { useIdempotencyKey } from '../case-workflow/form-support';
import { FormActions } from '../case-workflow/workflow-ui';
import { CheckboxGroupField, PrefixedSelect, usePrefixedOptions } from './controls';
import { PERSON_LANGUAGES } from './countries';
import { todayDay, useCaseLabels, useFormatDay } from './labels';
import { showServerFieldErrors, useRequestResolver } from './request-resolver';
import { text } from './form-values';
import { Hidden, SectionCard, SubHeading, ValueItem } from './section';
import { useUserNames } from './user-names';

export function ConsentSection({ caseFile }: { caseFile: TCaseFile }) {
  const t = useT();
  const formatDay = useFormatDay();
  const formatDateTime = useFormatDateTime();
  const labels = useCaseLabels();
  const { nameOf } = useUserNames();
  const canRecord = mayEditFile(caseFile);
  // a person may always withdraw consent, also on a closed case
  const canWithdraw = caseFile.actions.includes('case.update');
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const withdraw = useWithdrawConsent(caseFile.id);
  const current = caseFile.currentConsent;
  const history = [...caseFile.consents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const status = (c: TConsent) =>
    c.withdrawnAt ? (
      <Badge color="red">
        {t('caseFile.consent.withdrawnOn', { date: formatDateTime(c.withdrawnAt) ?? '' })}
      </Badge>
    ) : c.id === current?.id ? (
      <Badge color="green">{t('caseFile.consent.current')}</Badge>
    ) : (
      <Badge color="gray">{t('caseFile.consent.superseded')}</Badge>
    );

  return (
    <SectionCard
      title={t('caseFile.tab.consent')}
      testId="consent-section"
      actions={
        canRecord ? (
          <Button
            type="button"
            variant="soft"
            onClick={() => {
              setRecorded(false);
              setRecording(true);
            }}
            data-testid="record-consent"
          >
            <PlusIcon aria-hidden />
            {t('caseFile.consent.record')}
          </Button>
        ) : null
      }
    >
      <Flex direction="column" gap="3">
        {recorded ? <Notice tone="success">{t('caseFile.consent.recorded')}</Notice> : null}
        <ErrorCallout error={withdraw.error} />
        {current ? (
          <Flex direction="column" gap="2" data-testid="current-consent">
            <DataList.Root>
              <ValueItem label={t('caseFile.consent.status')}>{status(current)}</ValueItem>
              <ValueItem label={t('caseFile.consent.givenOn')}>{formatDay(current.givenOn)}</ValueItem>
              <ValueItem label={t('caseFile.consent.givenBy')}>
                {labels.code('caseFile.consentGiver', current.givenBy)}
              </ValueItem>
              <ValueItem label={t('caseFile.consent.language')}>
                {labels.code('caseFile.language', current.language)}
              </ValueItem>
              <ValueItem label={t('caseFile.consent.recordedBy')}>
                {t('caseFile.byAt', {
                  user: nameOf(current.recordedBy) ?? t('caseFile.system'),
                  time: formatDateTime(current.createdAt) ?? '',
                })}
              </ValueItem>
              <ValueItem label={t('caseFile.consent.notes')}>
                {current.notes ?? (caseFile.sensitiveRedacted ? <Hidden /> : null)}
              </ValueItem>
            </DataList.Root>
            <ScopeTable consent={current} />
            {canWithdraw ? (
              <Flex>
                <Button type="button" variant="soft" color="red" onClick={() => setWithdrawing(true)}>
                  {t('caseFile.consent.withdraw')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        ) : (
          <Text as="p" color="gray" data-testid="no-consent">
            {t('caseFile.consent.none')}
          </Text>
        )}

        {history.length > 0 ? (
          <>
            <SubHeading>{t('caseFile.consent.history')}</SubHeading>
            <div className="table-wrap">
              <table className="data-table" data-testid="consent-history">
                <caption className="visually-hidden">{t('caseFile.consent.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('caseFile.consent.givenOn')}</th>
                    <th scope="col">{t('caseFile.consent.givenBy')}</th>
                    <th scope="col">{t('caseFile.consent.agreed')}</th>
                    <th scope="col">{t('caseFile.consent.recordedBy')}</th>
                    <th scope="col">{t('caseFile.consent.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((c) => (
                    <tr key={c.id}>
                      <td>{formatDay(c.givenOn)}</td>
                      <td>{labels.code('caseFile.consentGiver', c.givenBy)}</td>
                      <td>
                        {c.agreed.length === 0
                          ? t('caseFile.consent.nothingAgreed')
                          : c.agreed.map((s) => labels.code('caseFile.consentScope', s)).join(', ')}
                      </td>
                      <td>
                        {t('caseFile.byAt', {
                          user: nameOf(c.recordedBy) ?? t('caseFile.system'),
                          time: formatDateTime(c.createdAt) ?? '',
                        })}
                      </td>
                      <td>{status(c)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </Flex>

      <Modal
        open={recording}
        onClose={() => setRecording(false)}
        title={t('caseFile.consent.recordTitle')}
        wide
      >
        <ConsentForm
          caseFile={caseFile}
          onDone={(saved) => {
            setRecording(false);
            setRecorded(saved);
          }}
        />
      </Modal>
      <ConfirmDialog
        open={withdrawing}
        title={t('caseFile.consent.withdrawTitle')}
        body={t('caseFile.consent.withdrawBody')}
        confirmLabel={t('caseFile.consent.withdraw')}
        isPending={withdraw.isPending}
        onClose={() => setWithdrawing(false)}
        onConfirm={() => {
          if (!current || withdraw.isPending) return;
          setRecorded(false);
          withdraw.mutate(current.id, { onSettled: () => setWithdrawing(false) });
        }}
      />
    </SectionCard>
  );
}

/** Every scope: explained or not, agreed or not. */
function ScopeTable({ consent }: { consent: TConsent }) {
  const t = useT();
  const labels = useCaseLabels();
  const mark = (yes: boolean) => {
    const label = yes ? t('caseFile.yes') : t('caseFile.no');
    return yes ? (
      <Flex as="span" gap="1" align="center" display="inline-flex">
        <CheckIcon aria-hidden />
        {label}
      </Flex>
    ) : (
      <Text color="gray">
        <Flex as="span" gap="1" align="center" display="inline-flex">
          <Cross2Icon aria-hidden />
          {label}
        </Flex>
      </Text>
    );
  };
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="consent-scopes">
        <caption className="visually-hidden">{t('caseFile.consent.scopes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseFile.consent.scope')}</th>
            <th scope="col">{t('caseFile.consent.explained')}</th>
            <th scope="col">{t('caseFile.consent.agreed')}</th>
          </tr>
        </thead>
        <tbody>
          {CONSENT_SCOPES.map((scope) => (
            <tr key={scope} data-scope={scope}>
              <th scope="row">{labels.code('caseFile.consentScope', scope)}</th>
              <td>{mark(consent.explained.includes(scope))}</td>
              <td>{mark(consent.agreed.includes(scope))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type TConsentFormValues = {
  explained: string[];
  agreed: string[];
  givenOn: string;
  givenBy: string;
  language: string;
  notes: string;
};

const consentRequest = (v: TConsentFormValues) => ({
  explained: v.explained,
  agreed: v.agreed,
  givenOn: text(v.givenOn),
  givenBy: text(v.givenBy),
  language: text(v.language),
  notes: text(v.notes),
});

function ConsentForm({ caseFile, onDone }: { caseFile: TCaseFile; onDone: (saved: boolean) => void }) {
  const t = useT();
  const record = useRecordConsent(caseFile.id);
  // one key per opening of the form: a double click or a retry records the consent once
  const key = useIdempotencyKey();
  const scopeOptions = usePrefixedOptions('caseFile.consentScope', CONSENT_SCOPES);
  const form = useForm<TConsentFormValues, unknown, TConsentInput>({
    resolver: useRequestResolver(ZConsentInput, consentRequest),
    defaultValues: {
      explained: [],
      agreed: [],
      givenOn: todayDay(),
      givenBy: 'person',
      language: caseFile.personProfile?.primaryLanguage ?? '',
      notes: '',
    },
  });
  const { errors } = form.formState;
  const explained = form.watch('explained');
  const submit = form.handleSubmit((body) => {
    if (record.isPending) return;
    record.mutate(
      { body, idempotencyKey: key.current() },
      {
        onSuccess: () => onDone(true),
        onError: (error) => showServerFieldErrors(error, form.setError),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="consent-form">
      <Flex direction="column" gap="3">
        <Text as="p" size="2" color="gray">
          {t('caseFile.consent.formIntro')}
        </Text>
        <Controller
          control={form.control}
          name="explained"
          render={({ field }) => (
            <CheckboxGroupField
              legend={t('caseFile.consent.explained')}
              options={scopeOptions}
              value={field.value}
              onChange={(next) => {
                field.onChange(next);
                // what was not explained cannot have been agreed
                form.setValue(
                  'agreed',
                  form.getValues('agreed').filter((s) => next.includes(s)),
                  { shouldDirty: true },
                );
              }}
              error={errors.explained?.message}
              columns={2}
              testId="consent-explained"
            />
          )}
        />
        <Controller
          control={form.control}
          name="agreed"
          render={({ field }) => (
            <CheckboxGroupField
              legend={t('caseFile.consent.agreed')}
              options={scopeOptions.filter((o) => explained.includes(o.value))}
              value={field.value}
              onChange={field.onChange}
              error={errors.agreed?.message}
              columns={2}
              testId="consent-agreed"
            />
          )}
        />
        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <TextInputField
            label={t('caseFile.consent.givenOn')}
            error={errors.givenOn?.message}
            type="date"
            max={todayDay()}
            {...form.register('givenOn')}
          />
          <FormField label={t('caseFile.consent.givenBy')} error={errors.givenBy?.message}>
            {({ id, describedBy, invalid }) => (
              <PrefixedSelect
                id={id}
                prefix="caseFile.consentGiver"
                codes={CONSENT_GIVERS}
                required
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('givenBy')}
              />
            )}
          </FormField>
          <FormField label={t('caseFile.consent.language')}>
            {({ id }) => (
              <PrefixedSelect
                id={id}
                prefix="caseFile.language"
                codes={PERSON_LANGUAGES}
                current={caseFile.personProfile?.primaryLanguage}
                {...form.register('language')}
              />
            )}
          </FormField>
        </Grid>
        {caseFile.sensitiveRedacted ? null : (
          <FormField label={t('caseFile.consent.notes')} error={errors.notes?.message}>
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('notes')}
              />
            )}
          </FormField>
        )}
        <FormActions
          error={record.error}
          isPending={record.isPending}
          submitLabel={t('caseFile.consent.recordSubmit')}
          onCancel={() => onDone(false)}
        />
      </Flex>
    </form>
  );
}
