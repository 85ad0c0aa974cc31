// "New case": the few person fields a case starts with; the case file asks for the rest.
import { z } from 'zod';
import { LIMITS } from '../../../../shared/limits';
import type { TCreateCaseRequest } from '../../../../shared/schemas/cases';
import { ZPhone } from '../../../../shared/schemas/contacts';

const name = z.string().trim().max(LIMITS.nameMax);
export const ZNewCaseForm = z.object({
  givenName: name,
  familyName: name,
  middleName: name,
  birthDate: z.union([z.literal(''), z.iso.date()]),
  phone: z.union([z.literal(''), ZPhone]),
  region: z.string(),
});
export type TNewCaseForm = z.input<typeof ZNewCaseForm>;

export const emptyNewCase = (): TNewCaseForm => ({
  givenName: '',
  familyName: '',
  middleName: '',
  birthDate: '',
  phone: '',
  region: '',
});

export function toCreateCaseRequest(v: z.output<typeof ZNewCaseForm>): TCreateCaseRequest {
  const person: NonNullable<TCreateCaseRequest['person']> = {};
  if (v.givenName) person.givenName = v.givenName;
  if (v.familyName) person.familyName = v.familyName;
  if (v.middleName) person.middleName = v.middleName;
  if (v.birthDate) person.birthDate = v.birthDate;
  if (v.phone) person.phone = v.phone.trim();
  return { person, ...(v.region ? { region: v.region as NonNullable<TCreateCaseRequest['region']> } : {}) };
}
