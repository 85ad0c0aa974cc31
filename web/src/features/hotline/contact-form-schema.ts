// The contact form's values are what the controls hold (strings); `toContactRequest` turns them into
// the API's request. Fields hidden for count-only contact types are unregistered, hence optional.
import { z } from 'zod';
import { LIMITS } from '../../../../shared/limits';
import {
  CONTACT_CHANNELS,
  CONTACT_TYPES,
  isNonDataContactType,
  ZPhone,
  type TCreateContactRequest,
} from '../../../../shared/schemas/contacts';

const MAX_MINUTES = Math.floor(LIMITS.contactDurationMaxSeconds / 60);

export const ZContactForm = z.object({
  contactType: z.string().min(1).pipe(z.enum(CONTACT_TYPES)),
  channel: z.enum(CONTACT_CHANNELS),
  startedAt: z.string().min(1),
  durationMin: z
    .string()
    .regex(/^\d{0,4}$/)
    .refine((s) => s === '' || Number(s) <= MAX_MINUTES),
  language: z.string().optional(),
  callerRole: z.string().optional(),
  urgency: z.string().optional(),
  outcome: z.string().optional(),
  callerRegion: z.string().optional(),
  problemRegion: z.string().optional(),
  topics: z.array(z.string()).max(LIMITS.topicsMax).optional(),
  notes: z.string().max(LIMITS.notesMax).optional(),
  callerPhone: z.union([z.literal(''), ZPhone]).optional(),
  /** datetime-local value; empty: no callback */
  callbackDueAt: z.string().optional(),
});
export type TContactFormInput = z.input<typeof ZContactForm>;
export type TContactFormValues = z.output<typeof ZContactForm>;

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local control holds it. */
export function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const emptyContactForm = (): TContactFormInput => ({
  contactType: '',
  channel: 'phone',
  startedAt: localDateTimeValue(new Date()),
  durationMin: '',
  language: '',
  callerRole: '',
  urgency: '',
  outcome: '',
  callerRegion: '',
  problemRegion: '',
  topics: [],
  notes: '',
  callerPhone: '',
  callbackDueAt: '',
});

/** A random Idempotency-Key (getRandomValues works outside secure contexts too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The start as an instant, or null when the control's value is not a time or lies in the future. */
export function startedAtInstant(value: string, now = Date.now()): string | null {
  const time = new Date(value).getTime();
  if (Number.isNaN(time) || time > now + 60_000) return null;
  return new Date(time).toISOString();
}

/** The callback time as an instant; null when the control's value is not a time or is not ahead. */
export function callbackInstant(value: string, now = Date.now()): string | null {
  const time = new Date(value).getTime();
  if (Number.isNaN(time) || time <= now) return null;
  return new Date(time).toISOString();
}

type TRequest = TCreateContactRequest;
const present = <T extends string>(value: string | undefined): T | undefined =>
  value ? (value as T) : undefined;

export function toContactRequest(values: TContactFormValues, startedAt: string): TRequest {
  const base: TRequest = {
    channel: values.channel,
    contactType: values.contactType,
    startedAt,
    topics: [],
  };
  if (values.durationMin) base.durationS = Number(values.durationMin) * 60;
  if (isNonDataContactType(values.contactType)) return base;
  const notes = values.notes?.trim();
  const phone = values.callerPhone?.trim();
  return {
    ...base,
    language: present(values.language),
    callerRole: present<NonNullable<TRequest['callerRole']>>(values.callerRole),
    urgency: present<NonNullable<TRequest['urgency']>>(values.urgency),
    outcome: present<NonNullable<TRequest['outcome']>>(values.outcome),
    callerRegion: present<NonNullable<TRequest['callerRegion']>>(values.callerRegion),
    problemRegion: present<NonNullable<TRequest['problemRegion']>>(values.problemRegion),
    topics: values.topics ?? [],
    notes: notes || undefined,
    callerPhone: phone || undefined,
    callbackDueAt: values.callbackDueAt ? (callbackInstant(values.callbackDueAt) ?? undefined) : undefined,
  };
}
