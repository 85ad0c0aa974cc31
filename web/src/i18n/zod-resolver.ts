// zod schemas from shared/ validate the forms; their issues are worded through the UI catalogue.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { useT, type TTranslate } from './use-t';

type TIssue = {
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  input?: unknown;
  params?: { mismatch?: boolean };
};

export function describeIssue(t: TTranslate, issue: TIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t('form.pickAtLeastOne');
      if (issue.input === undefined || issue.input === '' || Number(issue.minimum) <= 1)
        return t('form.required');
      return t('form.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('form.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('form.invalidEmail') : t('form.invalidFormat');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('form.required') : t('form.invalid');
    case 'custom':
      return issue.params?.mismatch ? t('form.passwordsDontMatch') : t('form.invalid');
    default:
      return t('form.invalid');
  }
}

/** A react-hook-form resolver for a shared zod schema, messages in the UI language. */
export function useZodResolver<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
): Resolver<z.input<TSchema>, unknown, z.output<TSchema>> {
  const t = useT();
  return useMemo(
    () => zodResolver(schema, { error: (issue: TIssue) => describeIssue(t, issue) } as never) as never,
    [schema, t],
  );
}
