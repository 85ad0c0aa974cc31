import type { TErrorKey } from '../../../shared/i18n/errors';
import type { TStaffLocale } from '../../../shared/locales';
import { HttpError } from '../../http/errors';
import type { TFieldError } from '../../http/validation';
import { translate } from '../../i18n';

/** A 400 naming fields (`error.validation` with `fields`), messages with values in the caller's language. */
export function hotlineFieldErrors(
  locale: TStaffLocale,
  fields: { path: string; key: TErrorKey; values?: Record<string, string | number> }[],
): HttpError {
  const list: TFieldError[] = fields.map((f) => ({
    path: f.path,
    message: translate(locale, f.key, f.values),
  }));
  const err = new HttpError(400, 'error.validation', {
    details: list.map((f) => `${f.path}: ${f.message}`).join('; '),
  });
  (err as HttpError & { fields?: TFieldError[] }).fields = list;
  return err;
}

/** Clock skew allowed between the operator's machine and the server for "in the future". */
const SKEW_MS = 60_000;

/** True when the instant lies in the future (allowing for a minute of clock skew). */
export const isFuture = (instant: string, now = Date.now()): boolean => Date.parse(instant) > now - SKEW_MS;
