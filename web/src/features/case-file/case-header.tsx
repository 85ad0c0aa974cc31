// The head of the case page: number, status, stage progress, region, assignee, dates; editing the
// status, region and assignee (PATCH with the case's version) where the server allows it.
import { CheckIcon, Pencil1Icon, PersonIcon } from '@radix-ui/react-icons';
import { Badge, Button, Card, DataList, Flex, Text, TextArea } from '@radix-ui/themes';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { codesOf } from '../../../../shared/htcds/code-lists';
import {
  CASE_STAGES,
  CLOSED_STATUSES,
  ZUpdateCaseRequest,
  type TUpdateCaseRequest,
} from '../../../../shared/schemas/cases';
import { useUpdateCase, type TCaseFile } from '../../api/case-file';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { NativeSelect } from '../../components/native-select';
import { PageTitle } from '../../components/page-title';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { ExportPdfButton } from '../attachments/export-pdf-button';
import { RegionSelect } from '../organisations/region-select';
import { useCaseLabels } from './labels';
import { showServerFieldErrors, useRequestResolver } from './request-resolver';
import { text } from './form-values';
import { CaseFormFooter } from './section';
import { useUserNames } from './user-names';

const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);
const STATUS_COLOURS: Record<string, 'green' | 'amber' | 'gray'> = {
  Active: 'green',
  FollowUp: 'amber',
  Closed: 'gray',
  ClosedReferred: 'gray',
};

/** The workflow stages as steps: done, current, to come. */
export function StageProgress({ stage }: { stage: string }) {
  const t = useT();
  const labels = useCaseLabels();
  const current = (CASE_STAGES as readonly string[]).indexOf(stage);
  return (
    <Flex
      role="list"
      aria-label={t('caseFile.header.stage')}
      gap="2"
      wrap="wrap"
      align="center"
      data-testid="stage-progress"
    >
      {CASE_STAGES.map((s, index) => {
        const label = labels.code('caseFile.stage', s);
        const state = index < current ? 'done' : index === current ? 'current' : 'next';
        return (
          <Flex
            role="listitem"
            key={s}
            align="center"
            gap="1"
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <Badge
              size="2"
              color={state === 'done' ? 'green' : state === 'current' ? 'indigo' : 'gray'}
              variant={state === 'current' ? 'solid' : state === 'done' ? 'soft' : 'outline'}
            >
              {state === 'done' ? <CheckIcon aria-hidden /> : null}
              {label}
              {state === 'done' ? (
                <span className="visually-hidden"> ({t('caseFile.header.stageDone')})</span>
              ) : null}
              {state === 'current' ? (
                <span className="visually-hidden"> ({t('caseFile.header.stageCurrent')})</span>
              ) : null}
            </Badge>
          </Flex>
        );
      })}
    </Flex>
  );
}

export function CaseHeader({
  caseFile,
  onReload,
}: {
  caseFile: TCaseFile;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const { nameOf, me } = useUserNames();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const assign = useUpdateCase(caseFile.id);
  const canUpdate = caseFile.actions.includes('case.update');
  const status = labels.htcds('caseStatus', caseFile.status);

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="start" gap="3" wrap="wrap">
        <Flex align="baseline" gap="3" wrap="wrap">
          <PageTitle title={t('caseFile.title', { number: caseFile.caseNumber })}>
            <span data-testid="case-number">{t('caseFile.title', { number: caseFile.caseNumber })}</span>
          </PageTitle>
          <Badge size="3" color={STATUS_COLOURS[caseFile.status] ?? 'gray'} data-testid="case-status">
            {status}
          </Badge>
        </Flex>
        <Flex gap="2" wrap="wrap" className="no-print">
          <ExportPdfButton caseId={caseFile.id} />
          {canUpdate && caseFile.assignedUserId !== me.id && !isClosed(caseFile.status) ? (
            <Button
              type="button"
              variant="soft"
              loading={assign.isPending}
              onClick={() => {
                if (assign.isPending) return;
                assign.mutate({ assignedUserId: me.id, version: caseFile.version });
              }}
            >
              <PersonIcon aria-hidden />
              {t('caseFile.header.assignToMe')}
            </Button>
          ) : null}
          {canUpdate ? (
            <Button type="button" onClick={() => setEditing(true)} data-testid="edit-case">
              <Pencil1Icon aria-hidden />
              {t('caseFile.header.edit')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <ErrorCallout error={assign.error} />
      <Card>
        <Flex direction="column" gap="3">
          <StageProgress stage={caseFile.stage} />
          <DataList.Root orientation={{ initial: 'vertical', sm: 'horizontal' }} size="2">
            <DataList.Item>
              <DataList.Label>{t('caseFile.header.region')}</DataList.Label>
              <DataList.Value data-testid="case-region">
                {caseFile.region ? (
                  labels.region(caseFile.region)
                ) : (
                  <Text color="gray">{t('common.notSet')}</Text>
                )}
              </DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>{t('caseFile.header.assignee')}</DataList.Label>
              <DataList.Value data-testid="case-assignee">
                {caseFile.assignedUserId ? (
                  nameOf(caseFile.assignedUserId)
                ) : (
                  <Text color="gray">{t('caseFile.header.unassigned')}</Text>
                )}
              </DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>{t('caseFile.header.opened')}</DataList.Label>
              <DataList.Value>{formatDateTime(caseFile.openedAt)}</DataList.Value>
            </DataList.Item>
            {caseFile.closedAt ? (
              <DataList.Item>
                <DataList.Label>{t('caseFile.header.closed')}</DataList.Label>
                <DataList.Value>
                  {formatDateTime(caseFile.closedAt)}
                  {caseFile.closureReason ? ` · ${caseFile.closureReason}` : ''}
                </DataList.Value>
              </DataList.Item>
            ) : null}
          </DataList.Root>
        </Flex>
      </Card>
      <Modal open={editing} onClose={() => setEditing(false)} title={t('caseFile.header.editTitle')}>
        <CaseSettingsForm
          key={formKey}
          caseFile={caseFile}
          onDone={() => setEditing(false)}
          onReload={async () => {
            await onReload();
            setFormKey((k) => k + 1);
          }}
        />
      </Modal>
    </Flex>
  );
}

type TSettingsValues = { status: string; region: string; assignedUserId: string; closureReason: string };

function CaseSettingsForm({
  caseFile,
  onDone,
  onReload,
}: {
  caseFile: TCaseFile;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const labels = useCaseLabels();
  const { users, canList, me, nameOf } = useUserNames();
  const update = useUpdateCase(caseFile.id);
  const mayClose = caseFile.actions.includes('case.close');
  // the version the form was opened at: a change by anyone since is a conflict (409)
  const [version] = useState(caseFile.version);
  // only what changed is sent, with the version the form was opened at
  const toRequest = useCallback(
    (v: TSettingsValues) => {
      const body: Record<string, unknown> = { version };
      if (v.status !== caseFile.status) body.status = v.status;
      if (v.region !== (caseFile.region ?? '')) body.region = v.region || null;
      if (v.assignedUserId !== (caseFile.assignedUserId ?? ''))
        body.assignedUserId = v.assignedUserId || null;
      if (isClosed(v.status) && text(v.closureReason) !== (caseFile.closureReason ?? undefined))
        body.closureReason = text(v.closureReason);
      return body;
    },
    [caseFile, version],
  );
  const form = useForm<TSettingsValues, unknown, TUpdateCaseRequest>({
    resolver: useRequestResolver(ZUpdateCaseRequest, toRequest),
    defaultValues: {
      status: caseFile.status,
      region: caseFile.region ?? '',
      assignedUserId: caseFile.assignedUserId ?? '',
      closureReason: caseFile.closureReason ?? '',
    },
  });
  const { errors } = form.formState;
  const chosenStatus = form.watch('status');
  const statuses = codesOf('caseStatus').filter((s) => mayClose || !isClosed(s) || s === caseFile.status);
  const assignees = canList
    ? users
        .filter((u) => u.isActive && u.roles.some((r) => r === 'case_worker' || r === 'supervisor'))
        .map((u) => ({ id: u.id, name: u.fullName }))
    : [{ id: me.id, name: me.fullName }];
  if (caseFile.assignedUserId && !assignees.some((a) => a.id === caseFile.assignedUserId))
    assignees.push({ id: caseFile.assignedUserId, name: nameOf(caseFile.assignedUserId) ?? '' });

  const submit = form.handleSubmit((body) => {
    if (update.isPending) return;
    update.mutate(body, {
      onSuccess: onDone,
      onError: (error) => showServerFieldErrors(error, form.setError),
    });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="case-settings-form">
      <Flex direction="column" gap="3">
        <FormField label={t('caseFile.header.status')} error={errors.status?.message}>
          {({ id, describedBy, invalid }) => (
            <NativeSelect
              id={id}
              autoFocus
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('status')}
            >
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {labels.htcds('caseStatus', s)}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        {isClosed(chosenStatus) && !isClosed(caseFile.status) ? (
          <FormField label={t('caseFile.header.closureReason')} error={errors.closureReason?.message}>
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('closureReason')}
              />
            )}
          </FormField>
        ) : null}
        <FormField label={t('caseFile.header.region')} error={errors.region?.message}>
          {({ id, describedBy, invalid }) => (
            <RegionSelect
              id={id}
              legacyValue={caseFile.region}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('region')}
            />
          )}
        </FormField>
        <FormField label={t('caseFile.header.assignee')} error={errors.assignedUserId?.message}>
          {({ id, describedBy, invalid }) => (
            <NativeSelect
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('assignedUserId')}
            >
              <option value="">{t('caseFile.header.unassigned')}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <CaseFormFooter update={update} isDirty={form.formState.isDirty} onReload={onReload} />
      </Flex>
    </form>
  );
}
