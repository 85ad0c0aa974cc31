// The edit form of a case file section saved as one PUT (person, victim context, sensitive texts):
// the request carries the case's version as it was when the form was opened, so a change by anyone
// since is refused (409, whose changed fields CaseFormFooter shows) instead of overwritten.
import { useCallback, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { TCaseFile } from '../../api/case-file';
import { showServerFieldErrors, useRequestResolver } from './request-resolver';

/** A mutation of the section (TanStack Query's `mutate`). */
type TSectionMutation<TRequest> = {
  isPending: boolean;
  mutate(body: TRequest, options: { onSuccess: () => void; onError: (error: unknown) => void }): void;
};

/**
 * The form of a section and its submit: validated by the request's shared schema, sent one at a
 * time, the field errors of a 400 shown at the controls. `toRequest` must be stable (a module-level
 * function): it is given the version the form was opened at.
 */
export function useSectionForm<TForm extends FieldValues, TRequest>(o: {
  caseFile: TCaseFile;
  schema: z.ZodType<TRequest>;
  toRequest: (values: TForm, version: number) => unknown;
  defaultValues: DefaultValues<TForm>;
  update: TSectionMutation<TRequest>;
  onSaved: () => void;
}): { form: UseFormReturn<TForm, unknown, TRequest>; submit: () => Promise<void> } {
  const { toRequest, update, onSaved } = o;
  // the version the form was opened at: a change by anyone since is a conflict (409)
  const [version] = useState(o.caseFile.version);
  const withVersion = useCallback((v: TForm) => toRequest(v, version), [toRequest, version]);
  const form = useForm<TForm, unknown, TRequest>({
    resolver: useRequestResolver(o.schema, withVersion),
    defaultValues: o.defaultValues,
  });
  const submit = form.handleSubmit((body) => {
    if (update.isPending) return;
    update.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => showServerFieldErrors(error, form.setError),
    });
  });
  return { form, submit };
}
