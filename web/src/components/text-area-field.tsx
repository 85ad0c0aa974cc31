import { TextArea } from '@radix-ui/themes';
import type { ComponentProps, ReactNode } from 'react';
import { FormField } from './form-field';

type TTextAreaFieldProps = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
} & Omit<ComponentProps<typeof TextArea>, 'id' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled multi-line text with its hint and error (react-hook-form's register() spreads into it). */
export function TextAreaField({ label, error, hint, ...area }: TTextAreaFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <TextArea id={id} aria-describedby={describedBy} aria-invalid={invalid} {...area} />
      )}
    </FormField>
  );
}
