import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';
import { useWorkflowLabels, type TWorkflowPrefix } from './labels';

/** A select of one of the workflow's code lists, with "Choose…" first. */
export function CodeField({
  label,
  codes,
  prefix,
  error,
  registration,
  autoFocus,
}: {
  label: string;
  codes: readonly string[];
  prefix: TWorkflowPrefix;
  error: string | undefined;
  registration: UseFormRegisterReturn;
  autoFocus?: boolean;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  return (
    <FormField label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <NativeSelect
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required
          autoFocus={autoFocus}
          {...registration}
        >
          <option value="">{t('workflow.choose')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {labels.code(prefix, code)}
            </option>
          ))}
        </NativeSelect>
      )}
    </FormField>
  );
}
