// The case's tasks with their due times: add one (for oneself, or for a colleague when the reader may
// list users), mark done or not done, edit. Tasks are versioned: when someone else changed a task
// meanwhile (409) the panel says so and shows the latest version.
import { Pencil1Icon } from '@radix-ui/react-icons';
import { Badge, Button, Card, Checkbox, Flex, Grid, Heading, Text } from '@radix-ui/themes';
import { useCallback, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZTaskInput, ZUpdateTaskRequest, type TTask } from '../../../../shared/schemas/case-file';
import { useCaseFile, useOrganisationUsers } from '../../api/case-file';
import { useCan, useFullSession } from '../../api/session';
import {
  useCreateTask,
  useUpdateTask,
  useWorkflow,
  type TTaskInput,
  type TUpdateTaskRequest,
} from '../../api/workflow';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { NativeSelect } from '../../components/native-select';
import { Notice } from '../../components/notice';
import { TextInputField } from '../../components/text-input-field';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import {
  instantOf,
  isConflict,
  isToday,
  localDateTime,
  showServerFieldErrors,
  text,
  useIdempotencyKey,
  useRequestResolver,
} from './form-support';
import { useUserName } from './labels';
import { AddToggle, FormActions } from './workflow-ui';

/** Overdue, due today, or done. */
export function TaskDueBadge({ task }: { task: Pick<TTask, 'overdue' | 'doneAt' | 'dueAt'> }) {
  const t = useT();
  if (task.doneAt)
    return (
      <Badge color="green" variant="soft">
        {t('workflow.task.done')}
      </Badge>
    );
  if (task.overdue)
    return (
      <Badge color="red" variant="solid" data-testid="task-overdue">
        {t('workflow.task.overdue')}
      </Badge>
    );
  if (isToday(task.dueAt))
    return (
      <Badge color="amber" variant="soft">
        {t('workflow.task.dueToday')}
      </Badge>
    );
  return null;
}

/** The case's tasks with due dates, on the case page. */
export function TasksPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const headingId = useId();
  const kase = useCaseFile(caseId);
  const workflow = useWorkflow(caseId);
  const canUpdate = kase.data?.actions.includes('case.update') ?? false;
  const closed = kase.data ? ['Closed', 'ClosedReferred'].includes(kase.data.status) : false;
  const tasks = workflow.data?.tasks ?? [];
  const [conflict, setConflict] = useState(false);
  const refetch = workflow.refetch;
  const onConflict = useCallback(() => {
    setConflict(true);
    void refetch();
  }, [refetch]);

  return (
    <Card size="3" mt="4">
      <section aria-labelledby={headingId} data-testid="tasks-panel">
        <Heading as="h2" size="4" id={headingId} mb="3">
          {t('workflow.task.heading')}
        </Heading>
        {workflow.isPending ? <Loading /> : null}
        <ErrorCallout error={workflow.error} />
        <Flex direction="column" gap="3">
          {conflict ? <Notice tone="warning">{t('workflow.task.conflict')}</Notice> : null}
          {workflow.data && tasks.length === 0 ? (
            <Text as="p" size="2" color="gray">
              {t('workflow.task.none')}
            </Text>
          ) : null}
          {tasks.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="tasks-table">
                <caption className="visually-hidden">{t('workflow.task.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workflow.task.doneColumn')}</th>
                    <th scope="col">{t('workflow.task.title')}</th>
                    <th scope="col">{t('workflow.task.dueAt')}</th>
                    <th scope="col">{t('workflow.task.assignee')}</th>
                    {canUpdate ? <th scope="col">{t('workflow.task.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((task) => (
                    <TaskRow
                      key={task.id}
                      caseId={caseId}
                      task={task}
                      canUpdate={canUpdate}
                      onConflict={onConflict}
                      onSaved={() => setConflict(false)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {canUpdate && !closed ? (
            <AddToggle label={t('workflow.task.add')} testId="add-task">
              {(close) => <TaskForm caseId={caseId} task={null} onDone={close} onConflict={onConflict} />}
            </AddToggle>
          ) : null}
        </Flex>
      </section>
    </Card>
  );
}

function TaskRow({
  caseId,
  task,
  canUpdate,
  onConflict,
  onSaved,
}: {
  caseId: string;
  task: TTask;
  canUpdate: boolean;
  onConflict: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const userName = useUserName();
  const update = useUpdateTask(caseId);
  const [editing, setEditing] = useState(false);
  const done = task.doneAt !== null;
  const toggle = (next: boolean) => {
    if (update.isPending) return;
    update.mutate(
      { taskId: task.id, body: { done: next, version: task.version } },
      { onSuccess: onSaved, onError: (error) => (isConflict(error) ? onConflict() : undefined) },
    );
  };
  return (
    <tr data-task-id={task.id} data-testid="task">
      <td>
        <Text as="label" size="2">
          <Flex gap="2" align="center">
            <Checkbox
              checked={done}
              disabled={!canUpdate || update.isPending}
              onCheckedChange={(value) => toggle(value === true)}
              data-testid="task-done"
            />
            <span className="visually-hidden">{t('workflow.task.markDone', { title: task.title })}</span>
          </Flex>
        </Text>
      </td>
      <th scope="row">
        <Text as="span" color={done ? 'gray' : undefined}>
          {task.title}
        </Text>
      </th>
      <td>
        <Flex gap="2" align="center" wrap="wrap">
          <span>{formatDateTime(task.dueAt)}</span>
          <TaskDueBadge task={task} />
        </Flex>
      </td>
      <td>{task.assignedUserId ? userName(task.assignedUserId) : t('workflow.task.unassigned')}</td>
      {canUpdate ? (
        <td>
          <Button
            type="button"
            size="1"
            variant="soft"
            onClick={() => setEditing(true)}
            aria-label={t('workflow.task.editOf', { title: task.title })}
            data-testid="edit-task"
          >
            <Pencil1Icon aria-hidden />
            {t('workflow.edit')}
          </Button>
          <Modal open={editing} title={t('workflow.task.edit')} onClose={() => setEditing(false)}>
            <TaskForm
              caseId={caseId}
              task={task}
              onDone={() => {
                setEditing(false);
                onSaved();
              }}
              onConflict={() => {
                setEditing(false);
                onConflict();
              }}
            />
          </Modal>
          {update.error && !isConflict(update.error) ? <ErrorCallout error={update.error} /> : null}
        </td>
      ) : null}
    </tr>
  );
}

type TTaskForm = { title: string; dueAt: string; assignedUserId: string };

/** The default due time of a new task: tomorrow at 10:00. */
function defaultDue(): string {
  const due = new Date();
  due.setDate(due.getDate() + 1);
  due.setHours(10, 0, 0, 0);
  return localDateTime(due);
}

/** Adds a task (`task` null) or changes one at the version it was read. */
function TaskForm({
  caseId,
  task,
  onDone,
  onConflict,
}: {
  caseId: string;
  task: TTask | null;
  onDone: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const session = useFullSession();
  const canPick = useCan('user.list');
  const users = useOrganisationUsers(canPick);
  const create = useCreateTask(caseId);
  const update = useUpdateTask(caseId);
  const mutation = task ? update : create;
  const key = useIdempotencyKey();
  const version = task?.version;
  const toRequest = useCallback(
    (v: TTaskForm) => {
      const base = { title: text(v.title) ?? '', dueAt: instantOf(v.dueAt) };
      if (version === undefined)
        return { ...base, assignedUserId: canPick ? v.assignedUserId || undefined : undefined };
      return { ...base, assignedUserId: canPick ? v.assignedUserId || null : undefined, version };
    },
    [version, canPick],
  );
  const form = useForm<TTaskForm, unknown, TTaskInput | TUpdateTaskRequest>({
    resolver: useRequestResolver<TTaskForm, TTaskInput | TUpdateTaskRequest>(
      task ? ZUpdateTaskRequest : ZTaskInput,
      toRequest,
    ),
    defaultValues: {
      title: task?.title ?? '',
      dueAt: task ? localDateTime(task.dueAt) : defaultDue(),
      assignedUserId: task ? (task.assignedUserId ?? '') : session.user.id,
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) => {
    if (mutation.isPending) return;
    const onError = (error: unknown) =>
      isConflict(error) ? onConflict() : showServerFieldErrors(error, form.setError);
    if (task) {
      update.mutate({ taskId: task.id, body: body as TUpdateTaskRequest }, { onSuccess: onDone, onError });
    } else {
      create.mutate(
        { body: body as TTaskInput, idempotencyKey: key.current() },
        {
          onSuccess: () => {
            key.renew();
            onDone();
          },
          onError,
        },
      );
    }
  });
  const activeUsers = (users.data?.items ?? []).filter((u) => u.isActive);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={task ? t('workflow.task.edit') : t('workflow.task.add')}
      data-testid="task-form"
    >
      <Flex direction="column" gap="3">
        <TextInputField
          label={t('workflow.task.title')}
          error={errors.title?.message}
          autoFocus
          autoComplete="off"
          aria-required
          {...form.register('title')}
        />
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('workflow.task.dueAt')}
            type="datetime-local"
            error={errors.dueAt?.message}
            aria-required
            {...form.register('dueAt')}
          />
          {canPick ? (
            <FormField label={t('workflow.task.assignee')} error={errors.assignedUserId?.message}>
              {({ id, describedBy, invalid }) => (
                <NativeSelect
                  id={id}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  {...form.register('assignedUserId')}
                >
                  {task ? <option value="">{t('workflow.task.unassigned')}</option> : null}
                  {activeUsers.some((u) => u.id === session.user.id) ? null : (
                    <option value={session.user.id}>{session.user.fullName}</option>
                  )}
                  {activeUsers.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.fullName}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </FormField>
          ) : (
            <Flex direction="column" gap="1">
              <Text size="2" weight="bold">
                {t('workflow.task.assignee')}
              </Text>
              <Text size="2" data-testid="task-assignee-self">
                {task?.assignedUserId && task.assignedUserId !== session.user.id
                  ? t('workflow.colleague')
                  : t('workflow.you', { name: session.user.fullName })}
              </Text>
            </Flex>
          )}
        </Grid>
        <FormActions
          error={isConflict(mutation.error) ? null : mutation.error}
          isPending={mutation.isPending}
          submitLabel={task ? t('common.saveChanges') : t('workflow.task.save')}
          onCancel={onDone}
        />
      </Flex>
    </form>
  );
}
