// An organisation's settings: name, region, and whether every user must use two-factor sign-in.
import { Badge, Card, Flex, Switch, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { isRegionCode } from '../../../../shared/regions';
import {
  ZUpdateOrganisationRequest,
  type TUpdateOrganisationRequest,
} from '../../../../shared/schemas/organisations';
import { useUpdateOrganisation } from '../../api/admin';
import type { TOrganisation } from '../../api/types';
import { FormField } from '../../components/form-field';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { RegionSelect } from './region-select';
import { SaveChangesFooter } from '../../components/save-changes-footer';
import { TextInputField } from '../../components/text-input-field';

// The form keeps a region saved as free text before region codes existed, so that saving other
// settings does not lose it. Only changed fields are sent; the API accepts region codes only.
const ZOrganisationSettingsForm = ZUpdateOrganisationRequest.extend({
  region: z.string().nullable().optional(),
});

const valuesOf = (org: TOrganisation) => ({
  name: org.name,
  region: org.region,
  requireTwoFactor: org.requireTwoFactor,
  version: org.version,
});

export function OrganisationSettings({
  organisation,
  onReload,
}: {
  organisation: TOrganisation;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const update = useUpdateOrganisation(organisation.id);
  const canEdit = organisation.actions.includes('organisation.update');
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: useZodResolver(ZOrganisationSettingsForm),
    values: valuesOf(organisation),
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    const { dirtyFields } = form.formState;
    const request: TUpdateOrganisationRequest = { version: values.version };
    if (dirtyFields.name) request.name = values.name;
    if (dirtyFields.region)
      request.region = values.region && isRegionCode(values.region) ? values.region : null;
    if (dirtyFields.requireTwoFactor) request.requireTwoFactor = values.requireTwoFactor;
    setSaved(false);
    update.mutate(request, { onSuccess: () => setSaved(true) });
  });

  return (
    <Card size="3">
      <Flex gap="2" mb="4" wrap="wrap">
        <Badge color="gray">{t(`orgType.${organisation.type}`)}</Badge>
        {organisation.isNetworkCoordinator ? <Badge color="indigo">{t('org.coordinator')}</Badge> : null}
        {!organisation.isActive ? <Badge color="red">{t('org.inactive')}</Badge> : null}
      </Flex>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!canEdit} className="plain-fieldset">
          <Flex direction="column" gap="3">
            <TextInputField
              label={t('orgForm.name')}
              error={errors.name?.message}
              {...form.register('name')}
            />
            <FormField
              label={t('orgForm.region')}
              error={errors.region?.message}
              hint={t('orgForm.regionHint')}
            >
              {({ id, describedBy, invalid }) => (
                <RegionSelect
                  id={id}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  legacyValue={organisation.region}
                  {...form.register('region', { setValueAs: (v: string | null) => (v ? v : null) })}
                />
              )}
            </FormField>
            <Controller
              control={form.control}
              name="requireTwoFactor"
              render={({ field }) => (
                <Flex direction="column" gap="1">
                  <Text as="label" size="2" weight="bold">
                    <Flex gap="2" align="center">
                      <Switch
                        checked={field.value ?? false}
                        onCheckedChange={field.onChange}
                        disabled={!canEdit}
                      />
                      {t('orgForm.requireTwoFactor')}
                    </Flex>
                  </Text>
                  <Text size="1" color="gray">
                    {t('orgForm.requireTwoFactorHint')}
                  </Text>
                </Flex>
              )}
            />
            {canEdit ? (
              <SaveChangesFooter
                update={update}
                isSaved={saved}
                isDirty={form.formState.isDirty}
                onReload={onReload}
              />
            ) : (
              <Text size="2" color="gray">
                {t('org.readOnly')}
              </Text>
            )}
          </Flex>
        </fieldset>
      </form>
    </Card>
  );
}
