import type { z } from 'zod';
import type { TErrorKey } from '../../shared/i18n/errors';
import type { TStaffLocale } from '../../shared/locales';
import { translate } from '../i18n';
import { HttpError } from './errors';

type TIssue = z.core.$ZodIssue;

/** The value at an issue's path in the request input (zod v4 issues do not carry their input). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueMessage(locale: TStaffLocale, issue: TIssue, input: unknown): string {
  const t = (key: TErrorKey, values?: Record<string, string | number>) => translate(locale, key, values);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? t('validation.required') : t('validation.invalidType');
    case 'too_small':
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'array' && Number(issue.minimum) === 1) return t('validation.required');
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.invalidEmail') : t('validation.invalidFormat');
    case 'invalid_value':
      return t('validation.invalidOption');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    case 'custom':
      // Shared schemas name the rule in the message (e.g. 'inFuture'); the catalogue words it.
      return issue.message === 'inFuture' ? t('validation.inFuture') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

export type TFieldError = { path: string; message: string };

/** A 400 whose message lists every invalid field in the caller's language. */
export function validationError(locale: TStaffLocale, error: z.ZodError, input?: unknown): HttpError {
  const fields: TFieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ path: base ? `${base}.${key}` : key, message: issueMessage(locale, issue, input) });
    } else {
      fields.push({ path: base || '(body)', message: issueMessage(locale, issue, input) });
    }
  }
  const details = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  const err = new HttpError(400, 'error.validation', { details });
  (err as HttpError & { fields?: TFieldError[] }).fields = fields;
  return err;
}
