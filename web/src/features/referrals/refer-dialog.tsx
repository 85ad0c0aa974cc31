// "Refer to a partner": the partner (suggested by services, region and language, or searched among
// all), the HTCDS reason, the services asked, urgency, deadline, a message, and a checklist of
// exactly which parts of the case to share — minimal by default, personal parts marked, parts the
// partner may not receive disabled with the reason. Personal parts need the person's recorded
// consent; without it the send button says so, and a holder of referral.override may send with a
// written reason (audited, seen by supervisors). One Idempotency-Key per opening: a double click or a
// retry sends once.
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { Badge, Button, Callout, Flex, Grid, Text, TextField } from '@radix-ui/themes';
import { useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { codesOf } from '../../../../shared/htcds/code-lists';
import { regionName } from '../../../../shared/regions';
import { PARTNER_SERVICES, type TPartnerType } from '../../../../shared/schemas/partners';
import {
  DEFAULT_SHARED_FIELDS,
  fieldsPartnerMayReceive,
  LAW_ENFORCEMENT_TYPES,
  PERSONAL_FIELDS,
  REFERRAL_URGENCIES,
  SHAREABLE_FIELDS,
  ZCreateReferralRequest,
  type TReferral,
  type TShareableField,
} from '../../../../shared/schemas/referrals';
import type { TCaseFile } from '../../api/case-file';
import { usePartners } from '../../api/partners';
import { useCreateReferral, useReferralOptions } from '../../api/referrals';
import { useCan, useFullSession } from '../../api/session';
import { TextAreaField } from '../../components/text-area-field';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { NativeSelect } from '../../components/native-select';
import { describeIssue } from '../../i18n/zod-resolver';
import { useT, type TTranslate } from '../../i18n/use-t';
import { useIdempotencyKey } from '../case-workflow/form-support';
import { todayDay, useFormatDay } from '../case-file/labels';
import { notAllowedReason, useReferralLabels } from './labels';
import { FieldMarks } from './referral-bits';
import './referrals.css';

/** A partner as the dialog needs it, from the suggestions or from the directory. */
export type TPartnerChoice = {
  orgId: string;
  names: { ru: string; kk?: string | undefined; en?: string | undefined };
  partnerType: TPartnerType;
  usesSenim: boolean;
  services: readonly string[];
  regions: readonly string[];
  languages: readonly string[];
  mayReceive: readonly TShareableField[];
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = { routine: 10, urgent: 3, immediate: 1 } as const;

function inDays(days: number): string {
  return todayDay(new Date(Date.now() + days * DAY_MS));
}

export function ReferDialog({
  open,
  onClose,
  caseFile,
  onSent,
}: {
  open: boolean;
  onClose: () => void;
  caseFile: TCaseFile;
  onSent: (referral: TReferral) => void;
}) {
  const t = useT();
  return (
    <Modal open={open} onClose={onClose} title={t('referrals.dialog.title')} wide>
      <ReferForm caseFile={caseFile} onCancel={onClose} onSent={onSent} />
    </Modal>
  );
}

type TErrors = Partial<Record<string, string>>;

function wordIssue(t: TTranslate, issue: z.core.$ZodRawIssue): string {
  if (issue.message === 'inPast') return t('referrals.dialog.deadlineInPast');
  if (
    (issue.code === 'invalid_value' || issue.code === 'invalid_type') &&
    (issue.input === undefined || issue.input === '')
  )
    return t('form.required');
  return describeIssue(t, issue);
}

function ReferForm({
  caseFile,
  onCancel,
  onSent,
}: {
  caseFile: TCaseFile;
  onCancel: () => void;
  onSent: (referral: TReferral) => void;
}) {
  const t = useT();
  const labels = useReferralLabels();
  const formatDay = useFormatDay();
  const session = useFullSession();
  const mayOverride = useCan('referral.override');
  const options = useReferralOptions(caseFile.id);
  const create = useCreateReferral(caseFile.id);
  const idempotencyKey = useIdempotencyKey(); // one per opening of the dialog

  const [partner, setPartner] = useState<TPartnerChoice | null>(null);
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState('');
  const [reason, setReason] = useState('AdditionalServicesRequired');
  const [services, setServices] = useState<string[]>([]);
  const [urgency, setUrgency] = useState<(typeof REFERRAL_URGENCIES)[number]>('routine');
  const [deadline, setDeadline] = useState(() => inDays(DEFAULT_DAYS.routine));
  const [message, setMessage] = useState('');
  const [shared, setShared] = useState<TShareableField[]>([...DEFAULT_SHARED_FIELDS]);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<TErrors>({});
  const ids = { partner: useId(), share: useId(), consent: useId() };

  const directory = usePartners({ q: search.trim() || undefined }, searching);
  const searchResults: TPartnerChoice[] = useMemo(
    () =>
      (directory.data?.items ?? [])
        .filter((p) => p.orgId !== session.user.orgId && p.membership === 'approved')
        .map((p) => ({
          orgId: p.orgId,
          names: p.names,
          partnerType: p.partnerType,
          usesSenim: p.usesSenim,
          services: p.services,
          regions: p.regions,
          languages: p.languages,
          mayReceive: fieldsPartnerMayReceive(p.partnerType, p.usesSenim),
        })),
    [directory.data, session.user.orgId],
  );
  const suggestions: TPartnerChoice[] = useMemo(
    () => [...(options.data?.suggestions ?? [])].sort((a, b) => b.score - a.score),
    [options.data],
  );

  const choose = (next: TPartnerChoice) => {
    setPartner(next);
    setShared((current) => current.filter((f) => next.mayReceive.includes(f)));
    setErrors((e) => ({ ...e, toOrgId: undefined }));
  };

  const consent = options.data?.consent;
  const canOverride = mayOverride && (options.data?.canOverride ?? false);
  const isPolice = partner ? LAW_ENFORCEMENT_TYPES.includes(partner.partnerType) : false;
  const personalChosen = shared.some((f) => PERSONAL_FIELDS.includes(f));
  const hasConsent = consent ? (isPolice ? consent.police : consent.partners) : false;
  const needsConsent = personalChosen && !hasConsent;
  const blocked = needsConsent && !(canOverride && override);

  // the date the current consent was given, when it covers the scope
  const current = caseFile.currentConsent;
  const consentDate = (scope: 'share_with_partners' | 'share_with_police') =>
    current && !current.withdrawnAt && current.agreed.includes(scope) ? formatDay(current.givenOn) : null;

  const submit = () => {
    if (create.isPending || create.isSuccess || blocked) return;
    const body = {
      toOrgId: partner?.orgId ?? '',
      reason,
      services,
      urgency,
      deadline,
      sharedFields: SHAREABLE_FIELDS.filter((f) => shared.includes(f)),
      message: message.trim() || undefined,
      overrideReason: needsConsent && override ? overrideReason.trim() : undefined,
    };
    const parsed = ZCreateReferralRequest.safeParse(body, { error: (issue) => wordIssue(t, issue) });
    if (!parsed.success) {
      const next: TErrors = {};
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? 'root');
        next[path] ??= issue.message === 'inPast' ? t('referrals.dialog.deadlineInPast') : issue.message;
      }
      if (next.toOrgId) next.toOrgId = t('referrals.dialog.choosePartner');
      setErrors(next);
      return;
    }
    setErrors({});
    create.mutate({ body: parsed.data, idempotencyKey: idempotencyKey.current() }, { onSuccess: onSent });
  };

  const partnerOption = (p: TPartnerChoice, group: string) => (
    <li key={`${group}-${p.orgId}`}>
      <label className="referral-option" data-testid="partner-option" data-org-id={p.orgId}>
        <input
          type="radio"
          name={`${ids.partner}-${group}`}
          checked={partner?.orgId === p.orgId}
          onChange={() => choose(p)}
        />
        <Flex direction="column" gap="1">
          <Text weight="bold">{labels.name(p.names)}</Text>
          <Flex gap="2" wrap="wrap" align="center">
            <Badge highContrast color="gray">
              {labels.partnerType(p.partnerType)}
            </Badge>
            {p.usesSenim ? null : (
              <Badge highContrast color="amber">
                {t('referrals.dialog.usesLetters')}
              </Badge>
            )}
          </Flex>
          {p.services.length > 0 ? (
            <Text size="1" color="gray">
              {p.services.map((s) => labels.service(s)).join(', ')}
            </Text>
          ) : null}
          {p.regions.length > 0 ? (
            <Text size="1" color="gray">
              {p.regions.map((r) => regionName(r, labels.locale)).join(', ')}
            </Text>
          ) : null}
        </Flex>
      </label>
    </li>
  );

  if (options.isPending) return <Loading />;
  if (options.error) return <ErrorCallout error={options.error} />;

  return (
    <form
      noValidate
      data-testid="referral-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Flex direction="column" gap="4">
        {/* the partner */}
        <fieldset
          className="referral-fieldset"
          aria-describedby={errors.toOrgId ? `${ids.partner}-error` : undefined}
        >
          <legend>{t('referrals.dialog.partner')}</legend>
          <Flex direction="column" gap="2">
            <Text size="2" color="gray">
              {t('referrals.dialog.suggested')}
            </Text>
            {suggestions.length === 0 ? (
              <Text size="2">{t('referrals.dialog.noSuggestions')}</Text>
            ) : (
              <ul className="referral-options" data-testid="partner-suggestions">
                {suggestions.map((p) => partnerOption(p, 'suggested'))}
              </ul>
            )}
            {searching ? (
              <Flex direction="column" gap="2" data-testid="partner-search">
                <FormField label={t('referrals.dialog.searchLabel')}>
                  {({ id }) => (
                    <TextField.Root
                      id={id}
                      value={search}
                      autoComplete="off"
                      onChange={(e) => setSearch(e.target.value)}
                    >
                      <TextField.Slot>
                        <MagnifyingGlassIcon aria-hidden />
                      </TextField.Slot>
                    </TextField.Root>
                  )}
                </FormField>
                <ErrorCallout error={directory.error} />
                {directory.isPending ? <Loading /> : null}
                {directory.data && searchResults.length === 0 ? (
                  <Text size="2">{t('referrals.dialog.noResults')}</Text>
                ) : null}
                {searchResults.length > 0 ? (
                  <ul className="referral-options">{searchResults.map((p) => partnerOption(p, 'all'))}</ul>
                ) : null}
              </Flex>
            ) : (
              <Flex>
                <Button
                  type="button"
                  variant="soft"
                  onClick={() => setSearching(true)}
                  data-testid="search-partners"
                >
                  <MagnifyingGlassIcon aria-hidden />
                  {t('referrals.dialog.searchAll')}
                </Button>
              </Flex>
            )}
            {partner ? (
              <Text size="2" data-testid="chosen-partner">
                {t('referrals.dialog.chosen', { name: labels.name(partner.names) })}
              </Text>
            ) : null}
            {errors.toOrgId ? (
              <Text id={`${ids.partner}-error`} size="1" color="red" role="alert">
                {errors.toOrgId}
              </Text>
            ) : null}
          </Flex>
        </fieldset>

        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <FormField label={t('referrals.dialog.reason')} error={errors.reason}>
            {({ id, describedBy, invalid }) => (
              <NativeSelect
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              >
                {codesOf('reasonForReferral').map((code) => (
                  <option key={code} value={code}>
                    {labels.reason(code)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField label={t('referrals.dialog.urgency')} error={errors.urgency}>
            {({ id, describedBy, invalid }) => (
              <NativeSelect
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={urgency}
                onChange={(e) => {
                  const next = e.target.value as (typeof REFERRAL_URGENCIES)[number];
                  setUrgency(next);
                  setDeadline(inDays(DEFAULT_DAYS[next]));
                }}
              >
                {REFERRAL_URGENCIES.map((code) => (
                  <option key={code} value={code}>
                    {labels.urgency(code)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField label={t('referrals.dialog.deadline')} error={errors.deadline}>
            {({ id, describedBy, invalid }) => (
              <TextField.Root
                id={id}
                type="date"
                min={todayDay()}
                value={deadline}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setDeadline(e.target.value)}
              />
            )}
          </FormField>
        </Grid>

        <fieldset className="referral-fieldset" data-testid="referral-services">
          <legend>{t('referrals.dialog.services')}</legend>
          <ul className="referral-checks">
            {PARTNER_SERVICES.map((code) => (
              <li key={code}>
                <label>
                  <input
                    type="checkbox"
                    checked={services.includes(code)}
                    onChange={(e) =>
                      setServices((s) => (e.target.checked ? [...s, code] : s.filter((x) => x !== code)))
                    }
                  />
                  <span>
                    {labels.service(code)}
                    {partner?.services.includes(code) ? (
                      <Text size="1" color="green">
                        {' '}
                        · {t('referrals.dialog.offered')}
                      </Text>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errors.services ? (
            <Text size="1" color="red" role="alert">
              {errors.services}
            </Text>
          ) : null}
        </fieldset>

        <TextAreaField
          label={t('referrals.dialog.message')}
          hint={t('referrals.dialog.messageHint')}
          error={errors.message}
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />

        {/* consent, plainly */}
        <Flex direction="column" gap="1" data-testid="referral-consent" id={ids.consent}>
          <Text size="2" weight="bold">
            {t('referrals.consent.heading')}
          </Text>
          <ConsentLine
            given={consent?.partners ?? false}
            date={consentDate('share_with_partners')}
            recordedKey="referrals.consent.partnersRecorded"
            yesKey="referrals.consent.partnersYes"
            missingKey="referrals.consent.partnersMissing"
            testId="consent-partners"
          />
          <ConsentLine
            given={consent?.police ?? false}
            date={consentDate('share_with_police')}
            recordedKey="referrals.consent.policeRecorded"
            yesKey="referrals.consent.policeYes"
            missingKey="referrals.consent.policeMissing"
            testId="consent-police"
          />
        </Flex>

        {/* what to share */}
        <fieldset
          className="referral-fieldset"
          data-testid="referral-share"
          aria-describedby={`${ids.share}-hint`}
        >
          <legend>{t('referrals.dialog.share')}</legend>
          <Text as="p" size="1" color="gray" id={`${ids.share}-hint`} mb="2">
            {t('referrals.dialog.shareHint')}
          </Text>
          <ul className="referral-checks">
            {SHAREABLE_FIELDS.map((field) => {
              const why = partner ? notAllowedReason(field, partner.partnerType, partner.usesSenim) : null;
              return (
                <li key={field}>
                  <label data-testid={`share-${field}`}>
                    <input
                      type="checkbox"
                      checked={shared.includes(field)}
                      disabled={why !== null}
                      aria-describedby={why ? `${ids.share}-${field}-why` : undefined}
                      onChange={(e) =>
                        setShared((s) => (e.target.checked ? [...s, field] : s.filter((x) => x !== field)))
                      }
                    />
                    <Flex as="span" direction="column" gap="1">
                      <Flex as="span" gap="1" wrap="wrap" align="center">
                        <span>{labels.field(field)}</span>
                        <FieldMarks field={field} />
                      </Flex>
                      {why ? (
                        <Text size="1" color="gray" id={`${ids.share}-${field}-why`}>
                          {t(why)}
                        </Text>
                      ) : null}
                    </Flex>
                  </label>
                </li>
              );
            })}
          </ul>
          {errors.sharedFields ? (
            <Text size="1" color="red" role="alert">
              {errors.sharedFields}
            </Text>
          ) : null}
        </fieldset>

        {needsConsent ? (
          <Callout.Root color="amber" role="status" data-testid="consent-needed">
            <Callout.Text id={`${ids.consent}-needed`}>{t('referrals.consent.needed')}</Callout.Text>
          </Callout.Root>
        ) : null}
        {needsConsent && canOverride ? (
          <Flex direction="column" gap="2" data-testid="referral-override">
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                {t('referrals.override.toggle')}
              </Flex>
            </Text>
            {override ? (
              <>
                <Callout.Root color="red" role="note">
                  <Callout.Text>{t('referrals.override.warning')}</Callout.Text>
                </Callout.Root>
                <TextAreaField
                  label={t('referrals.override.reason')}
                  hint={t('referrals.override.hint')}
                  error={errors.overrideReason}
                  rows={2}
                  value={overrideReason}
                  aria-required
                  onChange={(e) => setOverrideReason(e.target.value)}
                />
              </>
            ) : null}
          </Flex>
        ) : null}

        <ErrorCallout error={create.error} />
        <Flex gap="3" justify="end" wrap="wrap">
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={create.isPending || blocked}
            aria-describedby={blocked ? `${ids.consent}-needed` : undefined}
            data-testid="send-referral"
          >
            {blocked ? t('referrals.sendNeedsConsent') : t('referrals.send')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

function ConsentLine({
  given,
  date,
  recordedKey,
  yesKey,
  missingKey,
  testId,
}: {
  given: boolean;
  date: string | null;
  recordedKey: 'referrals.consent.partnersRecorded' | 'referrals.consent.policeRecorded';
  yesKey: 'referrals.consent.partnersYes' | 'referrals.consent.policeYes';
  missingKey: 'referrals.consent.partnersMissing' | 'referrals.consent.policeMissing';
  testId: string;
}) {
  const t = useT();
  return (
    <Text size="2" color={given ? 'green' : 'gray'} data-testid={testId} data-given={given}>
      {given ? (date ? t(recordedKey, { date }) : t(yesKey)) : t(missingKey)}
    </Text>
  );
}
