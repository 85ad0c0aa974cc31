// The route of the person: historic trafficking events (recruitment → transit → exploitation) as a
// vertical timeline ordered by date, with add, correct and remove.
import { Pencil1Icon, PlusIcon, TrashIcon } from '@radix-ui/react-icons';
import { Badge, Button, Card, Flex, Grid, Text, TextArea } from '@radix-ui/themes';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  ZTraffickingEventInput,
  type TTraffickingEvent,
  type TTraffickingEventInput,
} from '../../../../shared/schemas/case-file';
import {
  mayEditFile,
  useDeleteTraffickingEvent,
  useSaveTraffickingEvent,
  type TCaseFile,
} from '../../api/case-file';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { TextInputField } from '../../components/text-input-field';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { useIdempotencyKey } from '../case-workflow/form-support';
import { FormActions } from '../case-workflow/workflow-ui';
import { RegionSelect } from '../organisations/region-select';
import { CountrySelect, HtcdsSelect } from './controls';
import { todayDay, useCaseLabels, useFormatDay } from './labels';
import { showServerFieldErrors, useRequestResolver } from './request-resolver';
import { num, str, text } from './form-values';
import { CaseFormFooter, Hidden, SectionCard } from './section';
import { Paragraphs } from './sensitive-section';
import { sortEvents, TYPE_COLOURS } from './route-order';

type TEventFormValues = Record<Exclude<keyof TTraffickingEventInput, 'latitude' | 'longitude'>, string> & {
  latitude: string;
  longitude: string;
};

const eventFormValues = (e: TTraffickingEvent | null): TEventFormValues => ({
  type: e?.type ?? 'Recruitment',
  date: str(e?.date),
  country: str(e?.country),
  region: str(e?.region),
  state: str(e?.state),
  city: str(e?.city),
  street: str(e?.street),
  postalCode: str(e?.postalCode),
  latitude: str(e?.latitude),
  longitude: str(e?.longitude),
  description: str(e?.description),
});

const eventRequest = (v: TEventFormValues) => ({
  type: v.type,
  date: text(v.date),
  country: text(v.country),
  region: text(v.region),
  state: text(v.state),
  city: text(v.city),
  street: text(v.street),
  postalCode: text(v.postalCode),
  latitude: num(v.latitude),
  longitude: num(v.longitude),
  description: text(v.description),
});

export function RouteSection({
  caseFile,
  onReload,
}: {
  caseFile: TCaseFile;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const canEdit = mayEditFile(caseFile);
  // a correction or removal touches the sealed street and description: only for those who see them
  const canCorrect = canEdit && !caseFile.identityRedacted && !caseFile.sensitiveRedacted;
  const [editing, setEditing] = useState<TTraffickingEvent | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TTraffickingEvent | null>(null);
  const remove = useDeleteTraffickingEvent(caseFile.id);
  const events = sortEvents(caseFile.traffickingEvents);

  return (
    <SectionCard
      title={t('caseFile.tab.route')}
      testId="route-section"
      actions={
        canEdit ? (
          <Button type="button" variant="soft" onClick={() => setEditing('new')} data-testid="add-event">
            <PlusIcon aria-hidden />
            {t('caseFile.route.add')}
          </Button>
        ) : null
      }
    >
      <ErrorCallout error={remove.error} />
      {events.length === 0 ? (
        <Text as="p" color="gray">
          {t('caseFile.route.empty')}
        </Text>
      ) : (
        <ol className="steps" data-testid="route-timeline" aria-label={t('caseFile.route.timeline')}>
          {events.map((event) => (
            <EventItem
              key={event.id}
              event={event}
              redacted={caseFile.sensitiveRedacted}
              onEdit={canCorrect ? () => setEditing(event) : null}
              onDelete={canCorrect ? () => setDeleting(event) : null}
            />
          ))}
        </ol>
      )}
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('caseFile.route.addTitle') : t('caseFile.route.editTitle')}
        wide
      >
        {editing !== null ? (
          <EventForm
            caseFile={caseFile}
            event={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onReload={async () => {
              await onReload();
              // the event as it is now (or gone): open it again from the refreshed route
              setEditing(null);
            }}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        open={deleting !== null}
        title={t('caseFile.route.deleteTitle')}
        body={t('caseFile.route.deleteBody')}
        confirmLabel={t('caseFile.route.delete')}
        isPending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting || remove.isPending) return;
          remove.mutate(deleting.id, { onSettled: () => setDeleting(null) });
        }}
      />
    </SectionCard>
  );
}

function EventItem({
  event,
  redacted,
  onEdit,
  onDelete,
}: {
  event: TTraffickingEvent;
  redacted: boolean;
  onEdit: (() => void) | null;
  onDelete: (() => void) | null;
}) {
  const t = useT();
  const labels = useCaseLabels();
  const formatDay = useFormatDay();
  const formatDateTime = useFormatDateTime();
  const typeLabel = labels.htcds('traffickingEventType', event.type);
  const place = [event.city, event.state, labels.region(event.region), labels.country(event.country)]
    .filter(Boolean)
    .join(', ');
  const address = [event.street, event.postalCode].filter(Boolean).join(', ');
  return (
    <li data-testid="route-event" data-event-type={event.type}>
      <Card>
        <Flex direction="column" gap="2">
          <Flex justify="between" align="center" gap="2" wrap="wrap">
            <Flex gap="2" align="center" wrap="wrap">
              <Badge size="2" color={TYPE_COLOURS[event.type] ?? 'gray'}>
                {typeLabel}
              </Badge>
              <Text weight="bold">{event.date ? formatDay(event.date) : t('caseFile.route.noDate')}</Text>
            </Flex>
            <Flex gap="2">
              {onEdit ? (
                <Button type="button" size="1" variant="soft" onClick={onEdit}>
                  <Pencil1Icon aria-hidden />
                  {t('caseFile.route.editNamed', { type: typeLabel })}
                </Button>
              ) : null}
              {onDelete ? (
                <Button type="button" size="1" variant="soft" color="red" onClick={onDelete}>
                  <TrashIcon aria-hidden />
                  {t('caseFile.route.deleteNamed', { type: typeLabel })}
                </Button>
              ) : null}
            </Flex>
          </Flex>
          <Text size="2">{place || t('caseFile.route.noPlace')}</Text>
          {address ? (
            <Text size="2" color="gray">
              {address}
            </Text>
          ) : null}
          {event.latitude !== null && event.longitude !== null ? (
            <Text size="1" color="gray">
              {t('caseFile.route.coordinates', { lat: event.latitude, lon: event.longitude })}
            </Text>
          ) : null}
          {event.description ? (
            <Paragraphs value={event.description} />
          ) : redacted ? (
            <Hidden>{t('caseFile.route.descriptionHidden')}</Hidden>
          ) : null}
          <Text size="1" color="gray">
            {t('caseFile.route.recordedAt', { time: formatDateTime(event.createdAt) ?? '' })}
          </Text>
        </Flex>
      </Card>
    </li>
  );
}

function EventForm({
  caseFile,
  event,
  onDone,
  onReload,
}: {
  caseFile: TCaseFile;
  event: TTraffickingEvent | null;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const save = useSaveTraffickingEvent(caseFile.id);
  // one key per opening of the form: a double click or a retry records the event once
  const key = useIdempotencyKey();
  // the version the form was opened at: a correction after someone else's change is a conflict (409)
  const [version] = useState(caseFile.version);
  const form = useForm<TEventFormValues, unknown, TTraffickingEventInput>({
    resolver: useRequestResolver(ZTraffickingEventInput, eventRequest),
    defaultValues: eventFormValues(event),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((body) => {
    if (save.isPending) return;
    save.mutate(
      { eventId: event?.id, body, version: event ? version : undefined, idempotencyKey: key.current() },
      { onSuccess: onDone, onError: (error) => showServerFieldErrors(error, form.setError) },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <Flex direction="column" gap="3">
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField label={t('caseFile.route.type')} error={errors.type?.message}>
            {({ id, describedBy, invalid }) => (
              <HtcdsSelect
                id={id}
                list="traffickingEventType"
                required
                autoFocus
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('type')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.route.date')}
            error={errors.date?.message}
            type="date"
            max={todayDay()}
            {...form.register('date')}
          />
          <FormField label={t('caseFile.route.country')} error={errors.country?.message}>
            {({ id, describedBy, invalid }) => (
              <CountrySelect
                id={id}
                current={event?.country}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('country')}
              />
            )}
          </FormField>
          <FormField label={t('caseFile.route.region')} hint={t('caseFile.route.regionHint')}>
            {({ id, describedBy }) => (
              <RegionSelect
                id={id}
                aria-describedby={describedBy}
                legacyValue={event?.region}
                {...form.register('region')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.route.state')}
            error={errors.state?.message}
            autoComplete="off"
            {...form.register('state')}
          />
          <TextInputField
            label={t('caseFile.route.city')}
            error={errors.city?.message}
            autoComplete="off"
            {...form.register('city')}
          />
          {caseFile.identityRedacted ? null : (
            <TextInputField
              label={t('caseFile.route.street')}
              error={errors.street?.message}
              autoComplete="off"
              {...form.register('street')}
            />
          )}
          <TextInputField
            label={t('caseFile.route.postalCode')}
            error={errors.postalCode?.message}
            autoComplete="off"
            {...form.register('postalCode')}
          />
          <TextInputField
            label={t('caseFile.route.latitude')}
            error={errors.latitude?.message}
            inputMode="decimal"
            autoComplete="off"
            {...form.register('latitude')}
          />
          <TextInputField
            label={t('caseFile.route.longitude')}
            error={errors.longitude?.message}
            inputMode="decimal"
            autoComplete="off"
            {...form.register('longitude')}
          />
        </Grid>
        {caseFile.sensitiveRedacted ? null : (
          <FormField label={t('caseFile.route.description')} error={errors.description?.message}>
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                rows={4}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('description')}
              />
            )}
          </FormField>
        )}
        {event ? (
          <CaseFormFooter update={save} isDirty={form.formState.isDirty} onReload={onReload} />
        ) : (
          <FormActions
            error={save.error}
            isPending={save.isPending}
            submitLabel={t('caseFile.route.addSubmit')}
            onCancel={onDone}
          />
        )}
      </Flex>
    </form>
  );
}
