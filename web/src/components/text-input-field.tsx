import { TextField } from '@radix-ui/themes';
import type { ComponentProps, ReactNode } from 'react';
import { FormField } from './form-field';

type TTextInputFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
} & Omit<ComponentProps<typeof TextField.Root>, 'id' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled text input with its hint and error (react-hook-form's register() spreads into it). */
export function TextInputField({ label, error, hint, ...input }: TTextInputFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <TextField.Root id={id} aria-describedby={describedBy} aria-invalid={invalid} {...input} />
      )}
    </FormField>
  );
}
