// Narrative, health and the other free texts of the case: sealed at rest, shown only to roles with
// case.readSensitive (the page does not offer this section to others).
import { DataList, Flex, Text, TextArea } from '@radix-ui/themes';
import type { z } from 'zod';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { ZUpdateSensitiveRequest, type TCaseSensitive } from '../../../../shared/schemas/case-file';
import { mayEditFile, useUpdateSensitive, type TCaseFile } from '../../api/case-file';
import { FormField } from '../../components/form-field';
import { useT } from '../../i18n/use-t';
import { text } from './form-values';
import { useSectionForm } from './section-form';
import {
  CaseFormFooter,
  EditToggle,
  Hidden,
  SavedNotice,
  SectionCard,
  useEditing,
  ValueItem,
} from './section';

const TEXTS: readonly { name: keyof TCaseSensitive; label: TAppKey; rows: number }[] = [
  { name: 'narrative', label: 'caseFile.sensitive.narrative', rows: 8 },
  { name: 'health', label: 'caseFile.sensitive.health', rows: 4 },
  { name: 'vulnerabilityDetails', label: 'caseFile.sensitive.vulnerabilityDetails', rows: 3 },
  { name: 'perpetratorRoleDetails', label: 'caseFile.sensitive.perpetratorRoleDetails', rows: 3 },
  { name: 'incomingReferralDetails', label: 'caseFile.sensitive.incomingReferralDetails', rows: 3 },
  { name: 'outgoingReferralDetails', label: 'caseFile.sensitive.outgoingReferralDetails', rows: 3 },
  { name: 'comment', label: 'caseFile.sensitive.comment', rows: 3 },
];

type TSensitiveFormValues = { sensitive: Record<keyof TCaseSensitive, string> };
type TSensitiveRequest = z.infer<typeof ZUpdateSensitiveRequest>;
const sensitiveRequest = (v: TSensitiveFormValues, version: number) => ({
  sensitive: Object.fromEntries(TEXTS.map((f) => [f.name, text(v.sensitive[f.name])])),
  version,
});

/** Paragraphs of a free text, line breaks kept. */
export function Paragraphs({ value }: { value: string }) {
  return (
    <Flex direction="column" gap="1">
      {value.split(/\n/).map((line, i) => (
        <Text as="p" key={i} size="2">
          {line}
        </Text>
      ))}
    </Flex>
  );
}

export function SensitiveSection({
  caseFile,
  onReload,
}: {
  caseFile: TCaseFile;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const editing = useEditing();
  const sensitive = caseFile.sensitive;
  const canEdit = mayEditFile(caseFile) && sensitive !== null;
  return (
    <SectionCard
      title={t('caseFile.tab.sensitive')}
      testId="sensitive-section"
      actions={
        canEdit ? (
          <EditToggle editing={editing} label={t('caseFile.sensitive.edit')} testId="edit-sensitive" />
        ) : null
      }
    >
      <Text as="p" size="1" color="gray" mb="3">
        {t('caseFile.sensitive.intro')}
      </Text>
      <SavedNotice editing={editing} />
      {sensitive === null ? (
        <Hidden />
      ) : editing.isEditing ? (
        <SensitiveForm
          key={editing.formKey}
          caseFile={caseFile}
          sensitive={sensitive}
          onSaved={() => editing.stop(true)}
          onReload={async () => {
            await onReload();
            editing.remount();
          }}
        />
      ) : (
        <DataList.Root orientation={{ initial: 'vertical', sm: 'horizontal' }}>
          {TEXTS.map((f) => (
            <ValueItem key={f.name} label={t(f.label)}>
              {sensitive[f.name] ? <Paragraphs value={sensitive[f.name]!} /> : null}
            </ValueItem>
          ))}
        </DataList.Root>
      )}
    </SectionCard>
  );
}

function SensitiveForm({
  caseFile,
  sensitive,
  onSaved,
  onReload,
}: {
  caseFile: TCaseFile;
  sensitive: TCaseSensitive;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const update = useUpdateSensitive(caseFile.id);
  const { form, submit } = useSectionForm<TSensitiveFormValues, TSensitiveRequest>({
    caseFile,
    schema: ZUpdateSensitiveRequest,
    toRequest: sensitiveRequest,
    defaultValues: {
      sensitive: Object.fromEntries(TEXTS.map((f) => [f.name, sensitive[f.name] ?? ''])),
    },
    update,
    onSaved,
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate data-testid="sensitive-form">
      <Flex direction="column" gap="3">
        {TEXTS.map((f, index) => (
          <FormField key={f.name} label={t(f.label)} error={errors.sensitive?.[f.name]?.message}>
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                rows={f.rows}
                autoFocus={index === 0}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register(`sensitive.${f.name}`)}
              />
            )}
          </FormField>
        ))}
        <CaseFormFooter update={update} isDirty={form.formState.isDirty} onReload={onReload} />
      </Flex>
    </form>
  );
}
