// A case from scratch (not from a hotline contact): the person's names, birth date and phone, the
// region; then straight to the new case file.
import { Button, Flex, Grid, Text } from '@radix-ui/themes';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useCreateCase } from '../../api/cases';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { useIdempotencyKey } from '../case-workflow/form-support';
import { DuplicateWarning } from '../duplicates/duplicate-warning';
import { RegionSelect } from '../organisations/region-select';
import { emptyNewCase, toCreateCaseRequest, ZNewCaseForm } from './new-case-form';

function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCase();
  const idempotencyKey = useIdempotencyKey();
  const form = useForm({ resolver: useZodResolver(ZNewCaseForm), defaultValues: emptyNewCase() });
  const { errors } = form.formState;
  // Likely duplicates of the person being typed appear before anything is saved.
  const [givenName, familyName, middleName, birthDate, phone] = useWatch({
    control: form.control,
    name: ['givenName', 'familyName', 'middleName', 'birthDate', 'phone'],
  });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        create.mutate(
          { body: toCreateCaseRequest(values), key: idempotencyKey.current() },
          { onSuccess: (c) => void navigate(`/cases/${c.id}`) },
        ),
      )}
    >
      <Flex direction="column" gap="3">
        <Text as="p" size="2" color="gray">
          {t('caseList.newCaseIntro')}
        </Text>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('caseList.familyName')}
            error={errors.familyName?.message}
            autoComplete="off"
            autoFocus
            {...form.register('familyName')}
          />
          <TextInputField
            label={t('caseList.givenName')}
            error={errors.givenName?.message}
            autoComplete="off"
            {...form.register('givenName')}
          />
          <TextInputField
            label={t('caseList.middleName')}
            error={errors.middleName?.message}
            autoComplete="off"
            {...form.register('middleName')}
          />
          <TextInputField
            label={t('caseList.birthDate')}
            error={errors.birthDate?.message}
            type="date"
            max={today}
            {...form.register('birthDate')}
          />
          <TextInputField
            label={t('caseList.phone')}
            error={errors.phone?.message}
            type="tel"
            autoComplete="off"
            {...form.register('phone')}
          />
          <FormField label={t('caseList.region')} error={errors.region?.message}>
            {({ id }) => <RegionSelect id={id} {...form.register('region')} />}
          </FormField>
        </Grid>
        <DuplicateWarning
          person={{
            givenName: givenName.trim() || undefined,
            familyName: familyName.trim() || undefined,
            middleName: middleName.trim() || undefined,
            birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate <= today ? birthDate : undefined,
            phone: phone.replace(/\D/g, '').length >= 6 ? phone.trim() : undefined,
          }}
        />
        <ErrorCallout error={create.error} />
        <Flex gap="3" justify="end">
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('caseList.newCaseSubmit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

export function NewCaseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onClose={onClose} title={t('caseList.newCaseHeading')} wide>
      <NewCaseForm onCancel={onClose} />
    </Modal>
  );
}
