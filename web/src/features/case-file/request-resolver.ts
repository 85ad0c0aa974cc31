// The case file's forms hold what their controls hold (strings, booleans, lists) in the shape of the
// API request; `toRequest` turns them into the request, and the shared zod schema of the request
// validates it, so the form and the server apply the same rules. Issues are worded in the UI language.
import { toNestErrors } from '@hookform/resolvers';
import { useMemo } from 'react';
import type { FieldError, FieldValues, Resolver, UseFormSetError, Path } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { describeIssue } from '../../i18n/zod-resolver';
import { useT, type TTranslate } from '../../i18n/use-t';

/** Messages set on the shared schemas' refinements, worded here. */
function describe(t: TTranslate, issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  if (issue.message === 'inFuture') return t('caseFile.form.inFuture');
  if (issue.message === 'notExplained') return t('caseFile.form.notExplained');
  return describeIssue(t, issue);
}

export function useRequestResolver<TForm extends FieldValues, TRequest>(
  schema: z.ZodType<TRequest>,
  toRequest: (values: TForm) => unknown,
): Resolver<TForm, unknown, TRequest> {
  const t = useT();
  return useMemo<Resolver<TForm, unknown, TRequest>>(
    () => (values, _context, options) => {
      const result = schema.safeParse(toRequest(values), { error: (issue) => describe(t, issue) });
      if (result.success) return { values: result.data, errors: {} };
      const flat: Record<string, FieldError> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.join('.');
        flat[path] ??= { type: issue.code, message: describe(t, issue) };
      }
      return { values: {}, errors: toNestErrors<TForm>(flat, options) };
    },
    [schema, toRequest, t],
  );
}

/** Shows the field errors of a 400 answer at the form's controls (form paths mirror request paths). */
export function showServerFieldErrors<TForm extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<TForm>,
): void {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.fields)) return;
  for (const field of error.fields as unknown[]) {
    const { path, message } = (field ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && typeof message === 'string' && path !== '(body)') {
      setError(path as Path<TForm>, { type: 'server', message });
    }
  }
}

/** The fields a 409 answer says someone else changed since the version the form was opened at. */
export function conflictFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 409 || !Array.isArray(error.fields)) return [];
  return (error.fields as unknown[])
    .map((f) => (f as { path?: unknown } | null)?.path)
    .filter((p): p is string => typeof p === 'string');
}
