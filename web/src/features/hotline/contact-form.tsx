// Logging a contact, keyboard first: the type first (count-only types need nothing else), Enter
// saves from any control, one Idempotency-Key per form instance so a double submission stores once.
import { Button, Flex, Grid, Heading, Text, TextArea } from '@radix-ui/themes';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  CALLER_ROLES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  DATA_CONTACT_TYPES,
  isNonDataContactType,
  NON_DATA_CONTACT_TYPES,
  URGENCIES,
} from '../../../../shared/schemas/contacts';
import { useLogContact, type TLoggedContact } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { RegionSelect } from '../organisations/region-select';
import { CodeSelect } from './code-select';
import {
  callbackInstant,
  emptyContactForm,
  localDateTimeValue,
  newIdempotencyKey,
  startedAtInstant,
  toContactRequest,
  ZContactForm,
} from './contact-form-schema';
import { TextInputField } from '../../components/text-input-field';
import { TopicChoices } from './topic-choices';

export const CONTACT_LANGUAGES = ['rus', 'kaz', 'uzb', 'kir', 'tgk', 'eng'] as const;

/** Enter in any control but the notes (there Ctrl+Enter) and buttons saves the form. */
function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
  if (target instanceof HTMLButtonElement && target.getAttribute('role') !== 'checkbox') return;
  if (target instanceof HTMLAnchorElement) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

export function ContactForm({ onSaved }: { onSaved: (logged: TLoggedContact) => void }) {
  const t = useT();
  const log = useLogContact();
  const idempotencyKey = useRef(newIdempotencyKey());
  const form = useForm({
    resolver: useZodResolver(ZContactForm),
    defaultValues: emptyContactForm(),
    shouldUnregister: true,
  });
  const { errors } = form.formState;
  // after a save, the next call starts at the type field (once the reset form has rendered)
  const [savedCount, setSavedCount] = useState(0);
  useEffect(() => {
    if (savedCount > 0) form.setFocus('contactType');
  }, [savedCount, form]);
  const contactType = form.watch('contactType');
  const isCountOnly = isNonDataContactType(contactType);

  const onSubmit = form.handleSubmit((values) => {
    const startedAt = startedAtInstant(values.startedAt);
    if (!startedAt) {
      form.setError('startedAt', { message: t('hotline.inFuture') }, { shouldFocus: true });
      return;
    }
    if (values.callbackDueAt && !isNonDataContactType(values.contactType) && !callbackInstant(values.callbackDueAt)) {
      form.setError('callbackDueAt', { message: t('board.callbackInPast') }, { shouldFocus: true });
      return;
    }
    if (log.isPending) return;
    log.mutate(
      { body: toContactRequest(values, startedAt), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (logged) => {
          onSaved(logged);
          idempotencyKey.current = newIdempotencyKey();
          form.reset(emptyContactForm());
          log.reset();
          setSavedCount((n) => n + 1);
        },
      },
    );
  });

  return (
    <form onSubmit={onSubmit} onKeyDown={submitOnEnter} noValidate aria-labelledby="log-contact-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" id="log-contact-heading">
          {t('hotline.logHeading')}
        </Heading>
        <Text as="p" size="1" color="gray">
          {t('hotline.keyboardHint')}
        </Text>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField label={t('hotline.contactType')} error={errors.contactType?.message}>
            {({ id, describedBy, invalid }) => (
              <NativeSelect
                id={id}
                autoFocus
                aria-describedby={describedBy}
                aria-invalid={invalid}
                aria-required
                data-testid="contact-type"
                {...form.register('contactType')}
              >
                <option value="">{t('hotline.choose')}</option>
                <optgroup label={t('hotline.contactTypeData')}>
                  {DATA_CONTACT_TYPES.map((code) => (
                    <option key={code} value={code}>
                      {t(`contactType.${code}`)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('hotline.contactTypeCountOnly')}>
                  {NON_DATA_CONTACT_TYPES.map((code) => (
                    <option key={code} value={code}>
                      {t(`contactType.${code}`)}
                    </option>
                  ))}
                </optgroup>
              </NativeSelect>
            )}
          </FormField>
          <FormField label={t('hotline.channel')} error={errors.channel?.message}>
            {({ id, describedBy, invalid }) => (
              <CodeSelect
                id={id}
                codes={CONTACT_CHANNELS}
                prefix="channel"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('channel')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('hotline.startedAt')}
            error={errors.startedAt?.message}
            type="datetime-local"
            max={localDateTimeValue(new Date())}
            {...form.register('startedAt')}
          />
          <TextInputField
            label={t('hotline.duration')}
            error={errors.durationMin?.message}
            inputMode="numeric"
            autoComplete="off"
            {...form.register('durationMin')}
          />
        </Grid>

        {isCountOnly ? (
          <Text as="p" size="2" color="gray" role="status">
            {t('hotline.countOnlyNotice')}
          </Text>
        ) : (
          <>
            <Grid columns={{ initial: '1', sm: '2' }} gap="3">
              <FormField label={t('hotline.language')}>
                {({ id }) => (
                  <CodeSelect
                    id={id}
                    codes={CONTACT_LANGUAGES}
                    prefix="contactLanguage"
                    placeholder={t('common.notSet')}
                    {...form.register('language')}
                  />
                )}
              </FormField>
              <FormField label={t('hotline.callerRole')}>
                {({ id }) => (
                  <CodeSelect
                    id={id}
                    codes={CALLER_ROLES}
                    prefix="callerRole"
                    placeholder={t('common.notSet')}
                    {...form.register('callerRole')}
                  />
                )}
              </FormField>
              <FormField label={t('hotline.urgency')}>
                {({ id }) => (
                  <CodeSelect
                    id={id}
                    codes={URGENCIES}
                    prefix="urgency"
                    placeholder={t('common.notSet')}
                    {...form.register('urgency')}
                  />
                )}
              </FormField>
              <FormField label={t('hotline.outcome')}>
                {({ id }) => (
                  <CodeSelect
                    id={id}
                    codes={CONTACT_OUTCOMES}
                    prefix="outcome"
                    placeholder={t('common.notSet')}
                    {...form.register('outcome')}
                  />
                )}
              </FormField>
              <FormField label={t('hotline.callerRegion')}>
                {({ id }) => <RegionSelect id={id} {...form.register('callerRegion')} />}
              </FormField>
              <FormField label={t('hotline.problemRegion')}>
                {({ id }) => <RegionSelect id={id} {...form.register('problemRegion')} />}
              </FormField>
            </Grid>
            <Controller
              control={form.control}
              name="topics"
              render={({ field }) => <TopicChoices value={field.value ?? []} onChange={field.onChange} />}
            />
            <FormField label={t('hotline.notes')} error={errors.notes?.message}>
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
            <TextInputField
              label={t('hotline.callerPhone')}
              hint={t('hotline.callerPhoneHint')}
              error={errors.callerPhone?.message}
              type="tel"
              autoComplete="off"
              {...form.register('callerPhone')}
            />
            <TextInputField
              label={t('board.callbackDueAt')}
              hint={t('board.callbackDueAtHint')}
              error={errors.callbackDueAt?.message}
              type="datetime-local"
              min={localDateTimeValue(new Date())}
              data-testid="callback-due-at"
              {...form.register('callbackDueAt')}
            />
          </>
        )}
        <ErrorCallout error={log.error} />
        <Flex justify="end">
          <Button type="submit" loading={log.isPending}>
            {t('hotline.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
