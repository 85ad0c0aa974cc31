import type { TAuditEvent } from '../../../shared/audit-events';
import type { TErrorKey } from '../../../shared/i18n/errors';
import type { TAuditEntry } from '../../audit/audit';
import type { TStaffLocale } from '../../../shared/locales';
import { HttpError } from '../../http/errors';
import type { TFieldError } from '../../http/validation';
import { translate } from '../../i18n';

/**
 * A 400 naming fields, in the shape of a validation error (`error.validation` with `fields`);
 * `audit`, when given, records the refusal (a rule of the domain rather than a malformed value).
 */
export function fieldErrors(
  locale: TStaffLocale,
  fields: { path: string; key: TErrorKey }[],
  audit?: TAuditEntry,
): HttpError {
  const list: TFieldError[] = fields.map((f) => ({ path: f.path, message: translate(locale, f.key) }));
  const err = new HttpError(
    400,
    'error.validation',
    { details: list.map((f) => `${f.path}: ${f.message}`).join('; ') },
    audit,
  );
  (err as HttpError & { fields?: TFieldError[] }).fields = list;
  return err;
}

/**
 * 409: the case was saved by someone else since `version`; `fields` names what they changed. The
 * refusal is audited as a failure of `action` (the write that was refused).
 */
export function caseConflict(
  locale: TStaffLocale,
  caseId: string,
  changed: string[],
  current: number,
  action: TAuditEvent = 'case.updated',
): HttpError {
  const err = new HttpError(409, 'error.conflict', {}, {
    action,
    outcome: 'failure',
    targetType: 'case',
    targetId: caseId,
    details: { reason: 'conflict', changed, currentVersion: current },
  });
  (err as HttpError & { fields?: TFieldError[] }).fields = changed.map((path) => ({
    path,
    message: translate(locale, 'validation.changedMeanwhile'),
  }));
  return err;
}

export const nonDataContact = (contactId: string): HttpError =>
  new HttpError(400, 'error.nonDataContact', {}, {
    action: 'case.contactAttached',
    outcome: 'failure',
    targetType: 'contact',
    targetId: contactId,
    details: { reason: 'nonDataContact' },
  });

export const contactAlreadyAttached = (contactId: string): HttpError =>
  new HttpError(409, 'error.contactAlreadyAttached', {}, {
    action: 'case.contactAttached',
    outcome: 'failure',
    targetType: 'contact',
    targetId: contactId,
    details: { reason: 'alreadyAttached' },
  });
