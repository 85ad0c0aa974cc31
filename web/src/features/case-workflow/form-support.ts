// The workflow's forms hold what their controls hold (strings, lists); `toRequest` builds the API
// request and the shared zod schema of that request validates it, so the form and the server apply
// the same rules. Issues are worded in the UI language; form paths mirror request paths.
import { toNestErrors } from '@hookform/resolvers';
import { useCallback, useMemo, useRef } from 'react';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { describeIssue } from '../../i18n/zod-resolver';
import { useT, type TTranslate } from '../../i18n/use-t';
import { newIdempotencyKey } from '../hotline/contact-form-schema';

/** Messages set on the shared schemas' refinements, worded here. */
function refinement(t: TTranslate, message: string): string | null {
  if (message === 'inFuture') return t('workflow.form.inFuture');
  if (message === 'oneProvider') return t('workflow.form.oneProvider');
  return null;
}

/** The wording of an issue as zod reports it to the error map (with its input). */
function describe(t: TTranslate, issue: z.core.$ZodRawIssue): string {
  const known = refinement(t, issue.message ?? '');
  if (known) return known;
  // a choice left empty ("Choose…") is missing, not invalid
  if (
    (issue.code === 'invalid_value' || issue.code === 'invalid_type') &&
    (issue.input === undefined || issue.input === '')
  )
    return t('form.required');
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
        const path = issue.path.join('.') || 'root';
        flat[path] ??= { type: issue.code, message: refinement(t, issue.message) ?? issue.message };
      }
      return { values: {}, errors: toNestErrors<TForm>(flat, options) };
    },
    [schema, toRequest, t],
  );
}

/** Shows the field errors of a 400 answer at the form's controls. */
export function showServerFieldErrors<TForm extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<TForm>,
): void {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.fields)) return;
  for (const field of error.fields as unknown[]) {
    const { path, message } = (field ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && typeof message === 'string' && path !== '(body)' && path !== '') {
      setError(path as Path<TForm>, { type: 'server', message });
    }
  }
}

export const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

/** A text control's value: trimmed, or undefined when empty. */
export const text = (value: string | undefined | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The Idempotency-Key of one form instance, renewed after each stored submission. */
export function useIdempotencyKey(): { current: () => string; renew: () => void } {
  const key = useRef(newIdempotencyKey());
  const current = useCallback(() => key.current, []);
  const renew = useCallback(() => void (key.current = newIdempotencyKey()), []);
  return useMemo(() => ({ current, renew }), [current, renew]);
}

/** A mutation that adds a record with the Idempotency-Key of its form (TanStack Query's `mutate`). */
type TKeyedMutation<TBody> = {
  isPending: boolean;
  mutate(
    variables: { body: TBody; idempotencyKey: string },
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ): void;
};

/**
 * The submission of a form that adds a record (an assessment, a plan, a service, a follow-up, an
 * approval request): one at a time, with the form instance's Idempotency-Key (renewed once the
 * record is stored), the field errors of a 400 shown at the controls. Pass it to `handleSubmit`.
 */
export function useStepSubmit<TForm extends FieldValues, TBody>(
  mutation: TKeyedMutation<TBody>,
  setError: UseFormSetError<TForm>,
  onDone: () => void,
): (body: TBody) => void {
  const key = useIdempotencyKey();
  return (body) => {
    if (mutation.isPending) return;
    mutation.mutate(
      { body, idempotencyKey: key.current() },
      {
        onSuccess: () => {
          key.renew();
          onDone();
        },
        onError: (error) => showServerFieldErrors(error, setError),
      },
    );
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in local time (the default of date fields, the max of past-only ones). */
export function todayDay(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An instant as a datetime-local control holds it (`YYYY-MM-DDTHH:mm`, local time). */
export function localDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${todayDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value as an ISO instant (what the API takes); what is not a time is passed on as
 * it is, so that the schema refuses it.
 */
export function instantOf(local: string): string {
  if (!local) return '';
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? local : new Date(time).toISOString();
}

/** The end of the local day of `now`, as an ISO instant (tasks "due today" are due before it). */
export function endOfToday(now = new Date()): string {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

/** Whether an instant falls on the local day of `now`. */
export function isToday(instant: string, now = new Date()): boolean {
  return todayDay(new Date(instant)) === todayDay(now);
}
