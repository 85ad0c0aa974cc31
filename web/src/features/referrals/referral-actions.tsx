// What the reader may do with a referral (ZReferral.actions): accept, decline (reason + note),
// report the outcome, revoke (sender), share an update (sender), open one's own case from it
// (receiver), and for a partner without Senim: issue the letter and record the partner's answer.
// A 409 (someone answered meanwhile) says so and offers to reload.
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  DECLINE_REASONS,
  fieldsPartnerMayReceive,
  PERSONAL_FIELDS,
  REFERRAL_OUTCOMES,
  SHAREABLE_FIELDS,
  type TReferral,
  type TReferralAnswerRequest,
  type TShareableField,
} from '../../../../shared/schemas/referrals';
import { ApiError } from '../../api/client';
import {
  useAnswerReferral,
  useOpenCaseFromReferral,
  useRevokeReferral,
  useShareReferralUpdate,
} from '../../api/referrals';
import { useCan } from '../../api/session';
import { TextAreaField } from '../../components/text-area-field';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { useReferralLabels } from './labels';
import { LetterPanel } from './letter-panel';
import { FieldMarks } from './referral-bits';

type TForm = 'accept' | 'decline' | 'complete' | 'recordAnswer' | 'revoke' | 'shareUpdate' | null;

/** A server error, and for a 409 the way to the latest version. */
function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useT();
  if (!error) return null;
  const isConflict = error instanceof ApiError && error.status === 409;
  return (
    <Flex direction="column" gap="2" data-testid={isConflict ? 'referral-conflict' : undefined}>
      <ErrorCallout error={error} />
      {isConflict ? (
        <Flex gap="2" align="center" wrap="wrap">
          {error.code === 'error.conflict' ? <Text size="2">{t('referrals.conflict')}</Text> : null}
          <Button type="button" variant="soft" onClick={onReload} data-testid="referral-reload">
            {t('common.reload')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <TextAreaField
      label={t('referrals.form.note')}
      rows={2}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function CodeSelect({
  label,
  codes,
  value,
  onChange,
  labelOf,
  error,
  testId,
}: {
  label: string;
  codes: readonly string[];
  value: string;
  onChange: (value: string) => void;
  labelOf: (code: string) => string;
  error?: string | undefined;
  testId: string;
}) {
  const t = useT();
  return (
    <FormField label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <NativeSelect
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('referrals.form.choose')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {labelOf(code)}
            </option>
          ))}
        </NativeSelect>
      )}
    </FormField>
  );
}

function FormFrame({
  title,
  testId,
  onSubmit,
  children,
  error,
  isPending,
  submitLabel,
  onCancel,
  onReload,
  danger = false,
}: {
  title: string;
  testId: string;
  onSubmit: () => void;
  children: ReactNode;
  error: unknown;
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
  onReload: () => void;
  danger?: boolean;
}) {
  const t = useT();
  return (
    <Card size="2">
      <form
        noValidate
        data-testid={testId}
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          if (!isPending) onSubmit();
        }}
      >
        <Flex direction="column" gap="3">
          <Heading as="h3" size="3">
            {title}
          </Heading>
          {children}
          <ActionError error={error} onReload={onReload} />
          <Flex gap="3" justify="end" wrap="wrap">
            <Button type="button" variant="soft" color="gray" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending} disabled={isPending} color={danger ? 'red' : undefined}>
              {submitLabel}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Card>
  );
}

/** Accept, decline, report the outcome, or (sender, letter) record the partner's answer. */
function AnswerForm({
  referral,
  mode,
  onDone,
  onCancel,
  onReload,
}: {
  referral: TReferral;
  mode: 'accept' | 'decline' | 'complete' | 'recordAnswer';
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const labels = useReferralLabels();
  const answer = useAnswerReferral(referral.id);
  const initial =
    mode === 'accept' ? 'accepted' : mode === 'decline' ? 'declined' : mode === 'complete' ? 'completed' : '';
  const [status, setStatus] = useState<string>(initial);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<'status' | 'code' | null>(null);
  const title = t(`referrals.action.${mode}`);
  const submit = () => {
    if (!status) return setMissing('status');
    if ((status === 'declined' || status === 'completed') && !code) return setMissing('code');
    setMissing(null);
    const base = { note: note.trim() || undefined, version: referral.version };
    const body: TReferralAnswerRequest =
      status === 'declined'
        ? { status, reason: code as (typeof DECLINE_REASONS)[number], ...base }
        : status === 'completed'
          ? { status, outcome: code as (typeof REFERRAL_OUTCOMES)[number], ...base }
          : { status: 'accepted', ...base };
    answer.mutate(body, { onSuccess: onDone });
  };
  return (
    <FormFrame
      title={title}
      testId={`referral-${mode}-form`}
      onSubmit={submit}
      error={answer.error}
      isPending={answer.isPending}
      submitLabel={mode === 'recordAnswer' ? t('referrals.form.save') : title}
      onCancel={onCancel}
      onReload={onReload}
      danger={mode === 'decline'}
    >
      {mode === 'recordAnswer' ? (
        <CodeSelect
          label={t('referrals.form.answer')}
          codes={
            referral.status === 'accepted' ? ['completed', 'declined'] : ['accepted', 'declined', 'completed']
          }
          value={status}
          onChange={(next) => {
            setStatus(next);
            setCode('');
          }}
          labelOf={labels.status}
          error={missing === 'status' ? t('form.required') : undefined}
          testId="answer-status"
        />
      ) : null}
      {status === 'declined' ? (
        <CodeSelect
          label={t('referrals.form.declineReason')}
          codes={DECLINE_REASONS}
          value={code}
          onChange={setCode}
          labelOf={labels.declineReason}
          error={missing === 'code' ? t('form.required') : undefined}
          testId="decline-reason"
        />
      ) : null}
      {status === 'completed' ? (
        <CodeSelect
          label={t('referrals.form.outcome')}
          codes={REFERRAL_OUTCOMES}
          value={code}
          onChange={setCode}
          labelOf={labels.outcome}
          error={missing === 'code' ? t('form.required') : undefined}
          testId="referral-outcome"
        />
      ) : null}
      <NoteField value={note} onChange={setNote} />
    </FormFrame>
  );
}

function RevokeForm({
  referral,
  onDone,
  onCancel,
  onReload,
}: {
  referral: TReferral;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const revoke = useRevokeReferral(referral.id);
  const [note, setNote] = useState('');
  return (
    <FormFrame
      title={t('referrals.action.revoke')}
      testId="referral-revoke-form"
      onSubmit={() =>
        revoke.mutate({ note: note.trim() || undefined, version: referral.version }, { onSuccess: onDone })
      }
      error={revoke.error}
      isPending={revoke.isPending}
      submitLabel={t('referrals.action.revoke')}
      onCancel={onCancel}
      onReload={onReload}
      danger
    >
      <Text as="p" size="2">
        {t('referrals.form.revokeConfirm')}
      </Text>
      <NoteField value={note} onChange={setNote} />
    </FormFrame>
  );
}

function ShareUpdateForm({
  referral,
  onDone,
  onCancel,
  onReload,
}: {
  referral: TReferral;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const labels = useReferralLabels();
  const mayOverride = useCan('referral.override');
  const share = useShareReferralUpdate(referral.id);
  const [message, setMessage] = useState('');
  const [added, setAdded] = useState<TShareableField[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const allowed = referral.to.partnerType
    ? fieldsPartnerMayReceive(referral.to.partnerType, referral.delivery === 'app')
    : SHAREABLE_FIELDS;
  const offered = SHAREABLE_FIELDS.filter((f) => allowed.includes(f) && !referral.sharedFields.includes(f));
  const personal = added.some((f) => PERSONAL_FIELDS.includes(f));
  const submit = () => {
    if (!message.trim() && added.length === 0) return setEmpty(true);
    setEmpty(false);
    share.mutate(
      {
        message: message.trim() || undefined,
        addFields: SHAREABLE_FIELDS.filter((f) => added.includes(f)),
        overrideReason: personal && overrideReason.trim() ? overrideReason.trim() : undefined,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <FormFrame
      title={t('referrals.action.shareUpdate')}
      testId="referral-update-form"
      onSubmit={submit}
      error={share.error}
      isPending={share.isPending}
      submitLabel={t('referrals.action.shareUpdate')}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextAreaField
        label={t('referrals.form.updateMessage')}
        hint={t('referrals.dialog.messageHint')}
        error={empty ? t('referrals.form.updateEmpty') : undefined}
        rows={3}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      {offered.length > 0 ? (
        <fieldset className="referral-fieldset">
          <legend>{t('referrals.form.addFields')}</legend>
          <ul className="referral-checks">
            {offered.map((field) => (
              <li key={field}>
                <label>
                  <input
                    type="checkbox"
                    checked={added.includes(field)}
                    onChange={(e) =>
                      setAdded((a) => (e.target.checked ? [...a, field] : a.filter((x) => x !== field)))
                    }
                  />
                  <Flex as="span" gap="1" wrap="wrap" align="center">
                    <span>{labels.field(field)}</span>
                    <FieldMarks field={field} />
                  </Flex>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {personal && mayOverride ? (
        <TextAreaField
          label={t('referrals.form.overrideReason')}
          hint={t('referrals.override.warning')}
          rows={2}
          value={overrideReason}
          onChange={(e) => setOverrideReason(e.target.value)}
        />
      ) : null}
    </FormFrame>
  );
}

export function ReferralActions({
  referral,
  onReload,
}: {
  referral: TReferral;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<TForm>(null);
  const [saved, setSaved] = useState(false);
  const openCase = useOpenCaseFromReferral(referral.id);
  const actions = referral.actions;
  const done = () => {
    setForm(null);
    setSaved(true);
  };
  const reload = () => {
    setForm(null);
    void onReload();
  };
  const start = (next: TForm) => {
    setSaved(false);
    setForm(next);
  };
  const formProps = { referral, onDone: done, onCancel: () => setForm(null), onReload: reload };
  const buttons: { action: TReferral['actions'][number]; form: TForm; color?: 'red' }[] = [
    { action: 'accept', form: 'accept' },
    { action: 'decline', form: 'decline', color: 'red' },
    { action: 'complete', form: 'complete' },
    { action: 'recordAnswer', form: 'recordAnswer' },
    { action: 'shareUpdate', form: 'shareUpdate' },
    { action: 'revoke', form: 'revoke', color: 'red' },
  ];
  const visible = buttons.filter((b) => actions.includes(b.action));
  return (
    <Flex direction="column" gap="3" data-testid="referral-actions">
      <Heading as="h2" size="4">
        {t('referrals.detail.actions')}
      </Heading>
      {saved ? <Notice tone="success">{t('referrals.saved')}</Notice> : null}
      {actions.length === 0 ? <Text color="gray">{t('referrals.detail.noActions')}</Text> : null}
      <Flex gap="2" wrap="wrap">
        {visible.map((b) => (
          <Button
            key={b.action}
            type="button"
            variant={form === b.form ? 'solid' : 'soft'}
            color={b.color}
            onClick={() => start(b.form)}
            data-testid={`action-${b.action}`}
          >
            {t(`referrals.action.${b.action}`)}
          </Button>
        ))}
        {actions.includes('openCase') ? (
          <Button
            type="button"
            variant="soft"
            loading={openCase.isPending}
            disabled={openCase.isPending}
            data-testid="action-openCase"
            onClick={() =>
              openCase.mutate(undefined, { onSuccess: ({ caseId }) => void navigate(`/cases/${caseId}`) })
            }
          >
            {t('referrals.action.openCase')}
          </Button>
        ) : null}
      </Flex>
      <ActionError error={openCase.error} onReload={reload} />
      {form === 'accept' || form === 'decline' || form === 'complete' || form === 'recordAnswer' ? (
        <AnswerForm key={form} mode={form} {...formProps} />
      ) : null}
      {form === 'revoke' ? <RevokeForm {...formProps} /> : null}
      {form === 'shareUpdate' ? <ShareUpdateForm {...formProps} /> : null}
      {referral.side === 'sender' && referral.delivery === 'letter' ? (
        <LetterPanel referral={referral} canIssue={actions.includes('letter')} />
      ) : null}
    </Flex>
  );
}
