// One referral as either side reads it: the facts, what was shared (the snapshot field by field,
// personal and sensitive parts marked), the updates the sender shared later, and the steps.
import { Badge, DataList, Flex, Heading, Text } from '@radix-ui/themes';
import type { ReactNode } from 'react';
import { HTCDS_LABELS } from '../../../../shared/htcds/labels';
import {
  SHAREABLE_FIELDS,
  type TReferral,
  type TReferralSnapshot,
  type TShareableField,
} from '../../../../shared/schemas/referrals';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { useCaseLabels, useFormatDay } from '../case-file/labels';
import { SectionCard } from '../case-file/section';
import { useWorkflowLabels } from '../case-workflow/labels';
import { MultilineText } from '../case-workflow/workflow-ui';
import { useReferralLabels } from './labels';
import { FieldMarks } from './referral-bits';

function Item({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  const t = useT();
  const isEmpty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.Label minWidth="12rem">{label}</DataList.Label>
      <DataList.Value data-testid={testId}>
        {isEmpty ? <Text color="gray">{t('common.notSet')}</Text> : children}
      </DataList.Value>
    </DataList.Item>
  );
}

/** The facts of a referral: reason, services, delivery, dates, the answer, an override. */
export function ReferralFacts({ referral }: { referral: TReferral }) {
  const t = useT();
  const labels = useReferralLabels();
  const formatDateTime = useFormatDateTime();
  const r = referral;
  return (
    <DataList.Root size="2" data-testid="referral-facts">
      <Item label={t('referrals.detail.reason')}>{labels.reason(r.reason)}</Item>
      <Item label={t('referrals.detail.services')}>
        {r.services.map((s) => labels.service(s)).join(', ')}
      </Item>
      <Item label={t('referrals.detail.delivery')}>{labels.delivery(r.delivery)}</Item>
      <Item label={t('referrals.detail.sentAt')}>{formatDateTime(r.sentAt)}</Item>
      {r.answeredAt ? (
        <Item label={t('referrals.detail.answeredAt')}>{formatDateTime(r.answeredAt)}</Item>
      ) : null}
      {r.answerCode ? (
        <Item label={t('referrals.detail.answer')} testId="referral-answer-code">
          {labels.answer(r.status, r.answerCode)}
        </Item>
      ) : null}
      {r.answerNote ? (
        <Item label={t('referrals.detail.answerNote')}>
          <MultilineText value={r.answerNote} />
        </Item>
      ) : null}
      {r.overridden ? (
        <Item
          label={
            <Badge highContrast color="red">
              {t('referrals.detail.overridden')}
            </Badge>
          }
        >
          {r.overrideReason ? <MultilineText value={r.overrideReason} /> : null}
        </Item>
      ) : null}
      {r.letter?.usedAt ? (
        <Item label={t('referrals.delivery.letter')}>
          {t('referrals.detail.letterUsed', { date: formatDateTime(r.letter.usedAt) ?? '' })}
        </Item>
      ) : r.letter?.expiresAt ? (
        <Item label={t('referrals.delivery.letter')}>
          {t('referrals.detail.letterValid', { date: formatDateTime(r.letter.expiresAt) ?? '' })}
        </Item>
      ) : null}
    </DataList.Root>
  );
}

/** The value of one shared part in words; undefined when the snapshot does not hold it. */
function useSnapshotValue() {
  const t = useT();
  const caseLabels = useCaseLabels();
  const workflow = useWorkflowLabels();
  const formatDay = useFormatDay();
  const { locale } = useReferralLabels();
  const htcds = HTCDS_LABELS[locale] as unknown as Record<string, Record<string, string>>;
  const code = (list: string, value: string | null | undefined) =>
    value ? (htcds[list]?.[value] ?? value) : '';
  return (s: TReferralSnapshot, field: TShareableField): ReactNode => {
    switch (field) {
      case 'caseRegion':
        return caseLabels.region(s.caseRegion);
      case 'needs':
        return s.needs?.map((n) => workflow.code('workflow.service', n)).join(', ');
      case 'exploitation':
        if (!s.exploitation) return undefined;
        return (
          <Flex direction="column" gap="1">
            <Text>
              {[
                ...s.exploitation.types.map((c) => code('typeOfExploitation', c)),
                ...s.exploitation.sexExploitation.map((c) => code('sexExploitationType', c)),
              ].join(', ')}
            </Text>
            {s.exploitation.industry ? (
              <Text size="2" color="gray">
                {t('referrals.detail.industry', {
                  industry: code('forcedLabourIndustry', s.exploitation.industry),
                })}
              </Text>
            ) : null}
          </Flex>
        );
      case 'traffickingStatus':
        if (!s.traffickingStatus) return undefined;
        return [
          code('traffickingStatus', s.traffickingStatus.status),
          s.traffickingStatus.decidedBy
            ? t('referrals.detail.decidedBy', {
                who: code('traffickingStatusDecisionMaker', s.traffickingStatus.decidedBy),
              })
            : '',
        ]
          .filter(Boolean)
          .join(', ');
      case 'personSexAge':
        if (!s.personSexAge) return undefined;
        return [code('gender', s.personSexAge.sex), s.personSexAge.ageBand ?? ''].filter(Boolean).join(', ');
      case 'personName':
        if (!s.personName) return undefined;
        return [s.personName.family, s.personName.given, s.personName.middle].filter(Boolean).join(' ');
      case 'personBirthDate':
        return s.personBirthDate ? formatDay(s.personBirthDate) : s.personBirthDate;
      case 'personCitizenship':
        return caseLabels.country(s.personCitizenship);
      case 'personLanguages':
        return s.personLanguages?.map((l) => caseLabels.code('caseFile.language', l)).join(', ');
      case 'personPhone':
        return s.personPhone;
      case 'personDocument':
        return s.personDocument;
      case 'personAddress':
        return s.personAddress;
      case 'route':
        if (!s.route) return undefined;
        return (
          <Flex asChild direction="column" gap="1" m="0" pl="4">
            <ol>
              {s.route.map((e, index) => (
                <li key={index}>
                  {t('referrals.detail.route', {
                    type: code('traffickingEventType', e.type),
                    place: [
                      caseLabels.country(e.country),
                      e.place ?? '',
                      [e.from ? formatDay(e.from) : '', e.to ? formatDay(e.to) : '']
                        .filter(Boolean)
                        .join(' – '),
                    ]
                      .filter(Boolean)
                      .join(', '),
                  })}
                </li>
              ))}
            </ol>
          </Flex>
        );
      case 'narrative':
        return s.narrative ? <MultilineText value={s.narrative} /> : s.narrative;
      case 'health':
        return s.health ? <MultilineText value={s.health} /> : s.health;
    }
  };
}

/** What was shared: the sender's case number, the message, then each shared part with its label. */
export function SharedSnapshot({ referral }: { referral: TReferral }) {
  const t = useT();
  const labels = useReferralLabels();
  const valueOf = useSnapshotValue();
  const snapshot = referral.snapshot;
  const fields = SHAREABLE_FIELDS.filter((f) => referral.sharedFields.includes(f));
  return (
    <SectionCard title={t('referrals.detail.shared')} testId="referral-snapshot">
      {snapshot ? (
        <DataList.Root size="2">
          <Item label={t('referrals.detail.caseNumber')}>{snapshot.caseNumber}</Item>
          <Item label={t('referrals.detail.message')} testId="snapshot-message">
            {snapshot.message ? <MultilineText value={snapshot.message} /> : null}
          </Item>
          {fields.map((field) => (
            <Item
              key={field}
              testId={`snapshot-${field}`}
              label={
                <Flex as="span" gap="1" wrap="wrap" align="center">
                  <span>{labels.field(field)}</span>
                  <FieldMarks field={field} />
                </Flex>
              }
            >
              {valueOf(snapshot, field)}
            </Item>
          ))}
        </DataList.Root>
      ) : (
        <Text color="gray">{t('referrals.detail.notShared')}</Text>
      )}
    </SectionCard>
  );
}

/** The updates the sender shared after sending: a message and the parts newly shared. */
export function SharedUpdates({ referral }: { referral: TReferral }) {
  const t = useT();
  const labels = useReferralLabels();
  const formatDateTime = useFormatDateTime();
  const updates = referral.events.filter((e) => e.kind === 'updateShared' || e.kind === 'updated');
  return (
    <SectionCard title={t('referrals.detail.updates')} testId="referral-updates">
      {updates.length === 0 ? (
        <Text color="gray">{t('referrals.detail.noUpdates')}</Text>
      ) : (
        <Flex asChild direction="column" gap="3" m="0" p="0">
          <ul className="referral-options">
            {updates.map((e) => (
              <li key={e.id} data-testid="referral-update">
                <Text as="p" size="1" color="gray">
                  {formatDateTime(e.at)}
                </Text>
                {e.content?.message ? <MultilineText value={e.content.message} /> : null}
                {e.content && e.content.addedFields.length > 0 ? (
                  <Text as="p" size="2">
                    {t('referrals.detail.fieldsAdded', {
                      fields: e.content.addedFields.map((f) => labels.field(f)).join(', '),
                    })}
                  </Text>
                ) : null}
              </li>
            ))}
          </ul>
        </Flex>
      )}
    </SectionCard>
  );
}

/** The steps of a referral, oldest first, each with its time and (for one's own) who took it. */
export function ReferralSteps({ referral }: { referral: TReferral }) {
  const t = useT();
  const labels = useReferralLabels();
  const formatDateTime = useFormatDateTime();
  const events = [...referral.events].sort((a, b) => a.at.localeCompare(b.at));
  const orgName = (orgId: string | null) =>
    orgId === referral.from.orgId
      ? labels.name(referral.from.names)
      : orgId === referral.to.orgId
        ? labels.name(referral.to.names)
        : null;
  return (
    <SectionCard title={t('referrals.detail.steps')} testId="referral-steps">
      <Flex asChild direction="column" gap="3" m="0" pl="4">
        <ol>
          {events.map((e) => {
            const status = typeof e.payload.status === 'string' ? e.payload.status : null;
            const answerCode = typeof e.payload.answerCode === 'string' ? e.payload.answerCode : null;
            const who = e.byUserName ?? orgName(e.byOrgId);
            return (
              <li key={e.id} data-testid="referral-step" data-kind={e.kind}>
                <Flex direction="column" gap="1">
                  <Heading as="h3" size="2">
                    {labels.event(e.kind)}
                    {status && e.kind !== status ? ` · ${labels.status(status)}` : ''}
                    {answerCode ? ` · ${labels.answer(status ?? '', answerCode)}` : ''}
                  </Heading>
                  <Text size="1" color="gray">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {who ? ` ${t('referrals.detail.by', { name: who })}` : ''}
                  </Text>
                  {e.content?.message && e.kind !== 'updateShared' && e.kind !== 'updated' ? (
                    <MultilineText value={e.content.message} />
                  ) : null}
                </Flex>
              </li>
            );
          })}
        </ol>
      </Flex>
    </SectionCard>
  );
}
