// API error messages (English is the source catalogue; ru and kk must have every key: tsc checks).
import { caseFileErrors } from './case-file';
import { workflowErrors } from './workflow';
import { attachmentsErrors } from './attachments';
import { htcdsErrors } from './htcds';
import { hotlineErrors } from './hotline';
import { duplicatesErrors } from './duplicates';
import { referralLettersErrors } from './referral-letters';
import { referralsErrors } from './referrals';
import { partnersErrors } from './partners';
export const errorsEn = {
  'error.unauthenticated': 'Please sign in to continue.',
  'error.sessionExpired': 'Your session has expired. Please sign in again.',
  'error.forbidden': 'Your role does not allow this action.',
  'error.notFound': 'Not found.',
  'error.badRequest': 'The request is not valid.',
  'error.validation': 'Some fields are not valid: {details}',
  'error.malformedJson': 'The request body is not valid JSON.',
  'error.invalidUtf8': 'The request body is not valid UTF-8 text.',
  'error.unsupportedMediaType': 'Send the request body as application/json.',
  'error.unsupportedFileType': 'This type of file is not accepted here.',
  'error.payloadTooLarge': 'The request is too large (at most {limit, number} bytes).',
  'error.csrf': 'The security token of this page is missing or out of date. Reload the page and try again.',
  'error.invalidCredentials': 'The e-mail or password is not correct.',
  'error.lockedOut':
    'Too many failed sign-in attempts. The account is locked for {minutes, plural, one {# minute} other {# minutes}}.',
  'error.rateLimited': 'Too many attempts from this address. Wait a minute and try again.',
  'error.accountDisabled': 'This account is disabled. Ask your administrator.',
  'error.twoFactorRequired': 'Enter the code from your authenticator app.',
  'error.twoFactorEnrolmentRequired': 'Your organisation requires two-factor sign-in. Set it up to continue.',
  'error.passwordChangeRequired': 'Choose a new password to continue.',
  'error.invalidTotp': 'The code is not correct or was already used.',
  'error.twoFactorAlreadyEnabled': 'Two-factor sign-in is already enabled.',
  'error.conflict': 'This record was changed by someone else. Reload it and try again.',
  'error.emailTaken': 'A user with this e-mail already exists.',
  'error.passwordTooWeak': 'The password must have at least {min, number} characters and must not be a common password.',
  'error.cannotChangeSelf': 'You cannot change your own role or disable your own account.',
  'error.methodNotAllowed': 'This method is not allowed here.',
  'error.internal': 'Something went wrong on our side. Nothing was saved. Please try again.',
  'error.unavailable': 'The database is not reachable.',
  'validation.required': 'required',
  'validation.tooShort': 'at least {min, number} characters',
  'validation.tooLong': 'at most {max, number} characters',
  'validation.tooSmall': 'must be at least {min, number}',
  'validation.tooBig': 'must be at most {max, number}',
  'validation.invalidType': 'wrong type',
  'validation.invalidEmail': 'not a valid e-mail address',
  'validation.invalidOption': 'not one of the allowed values',
  'validation.invalidFormat': 'wrong format',
  'validation.unknownField': 'unknown field',
  'validation.inFuture': 'must not be in the future',
  'validation.invalid': 'not valid',
  'error.idempotencyKeyReused': 'This Idempotency-Key was already used for a different request.',
  'error.nonDataContact': 'A silent, hang-up, wrong-number, prank or abusive contact is only counted: it cannot open or join a case.',
  'error.contactAlreadyAttached': 'This contact is already attached to a case.',
  'error.caseClosed': 'This case is closed.',
  'validation.changedMeanwhile': 'changed by someone else in the meantime',
  'validation.unknownUser': 'no such user in your organisation',
  'validation.closureReasonRequired': 'a closure reason is required to close a case',
  'validation.searchNothingToFind': 'type a name, a case number, a phone or a document number',
  'validation.searchPrefixTooShort': 'a name prefix (ending in *) needs at least 3 letters',
  'validation.searchTooManyWords': 'too many words for a name search',
  ...caseFileErrors.en,
  ...workflowErrors.en,
  ...attachmentsErrors.en,
  ...htcdsErrors.en,
  ...hotlineErrors.en,
  ...duplicatesErrors.en,
  ...referralLettersErrors.en,
  ...referralsErrors.en,
  ...partnersErrors.en,
} as const;
export type TErrorKey = keyof typeof errorsEn;
