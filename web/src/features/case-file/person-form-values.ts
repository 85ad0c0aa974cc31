// The person form: what its controls hold (from the case) and the PUT request made of it.
import type { TUpdatePersonRequest } from '../../../../shared/schemas/case-file';
import type { TCaseFile } from '../../api/case-file';
import { list, num, str, text } from './form-values';

export type TDocumentRow = {
  type: string;
  number: string;
  country: string;
  validUntil: string;
  heldBy: string;
};
export type THouseholdRow = { name: string; relation: string; birthYear: string; together: boolean };

export type TPersonFormValues = {
  person: {
    givenName: string;
    familyName: string;
    middleName: string;
    birthDate: string;
    phone: string;
    documentNumber: string;
    address: string;
    sex: string;
    citizenship: string;
    languages: string[];
    migrationStatus: string;
  };
  ageYears: string;
  ageStatedOn: string;
  profile: {
    maritalStatus: string;
    numberOfChildren: string;
    education: string;
    deceased: boolean;
    otherCitizenships: string[];
    primaryLanguage: string;
    secondaryLanguage: string;
  };
  extra: {
    salutation: string;
    title: string;
    email: string;
    homePhone: string;
    mailingStreet: string;
    mailingCity: string;
    mailingState: string;
    mailingCountry: string;
    mailingPostalCode: string;
    mailingLatitude: string;
    mailingLongitude: string;
    documents: TDocumentRow[];
    household: THouseholdRow[];
  };
};

export const emptyDocument = (): TDocumentRow => ({
  type: 'passport',
  number: '',
  country: '',
  validUntil: '',
  heldBy: '',
});
export const emptyHouseholdMember = (): THouseholdRow => ({
  name: '',
  relation: 'child',
  birthYear: '',
  together: false,
});

export function personFormValues(c: TCaseFile): TPersonFormValues {
  const p = c.person;
  const id = p?.identity;
  const profile = c.personProfile ?? {};
  const extra = c.personExtra ?? {};
  return {
    person: {
      givenName: str(id?.givenName),
      familyName: str(id?.familyName),
      middleName: str(id?.middleName),
      birthDate: str(id?.birthDate),
      phone: str(id?.phone),
      documentNumber: str(id?.documentNumber),
      address: str(id?.address),
      sex: str(p?.sex),
      citizenship: str(p?.citizenship),
      languages: p?.languages ?? [],
      migrationStatus: str(p?.migrationStatus),
    },
    ageYears: str(c.ageYears),
    ageStatedOn: str(c.ageStatedOn),
    profile: {
      maritalStatus: str(profile.maritalStatus),
      numberOfChildren: str(profile.numberOfChildren),
      education: str(profile.education),
      deceased: profile.deceased ?? false,
      otherCitizenships: profile.otherCitizenships ?? [],
      primaryLanguage: str(profile.primaryLanguage),
      secondaryLanguage: str(profile.secondaryLanguage),
    },
    extra: {
      salutation: str(extra.salutation),
      title: str(extra.title),
      email: str(extra.email),
      homePhone: str(extra.homePhone),
      mailingStreet: str(extra.mailingStreet),
      mailingCity: str(extra.mailingCity),
      mailingState: str(extra.mailingState),
      mailingCountry: str(extra.mailingCountry),
      mailingPostalCode: str(extra.mailingPostalCode),
      mailingLatitude: str(extra.mailingLatitude),
      mailingLongitude: str(extra.mailingLongitude),
      documents: (extra.documents ?? []).map((d) => ({
        type: d.type,
        number: d.number,
        country: str(d.country),
        validUntil: str(d.validUntil),
        heldBy: str(d.heldBy),
      })),
      household: (extra.household ?? []).map((h) => ({
        name: h.name,
        relation: h.relation,
        birthYear: str(h.birthYear),
        together: h.together ?? false,
      })),
    },
  };
}

/** The request, unchecked: the shared schema validates it (wrong values are passed on to be refused). */
export function personRequest(
  v: TPersonFormValues,
  version: number,
): Record<keyof TUpdatePersonRequest, unknown> {
  const p = v.person;
  const e = v.extra;
  return {
    person: {
      givenName: text(p.givenName),
      familyName: text(p.familyName),
      middleName: text(p.middleName),
      birthDate: text(p.birthDate),
      phone: text(p.phone),
      documentNumber: text(p.documentNumber),
      address: text(p.address),
      sex: text(p.sex),
      citizenship: text(p.citizenship),
      languages: list(p.languages),
      migrationStatus: text(p.migrationStatus),
    },
    ageYears: num(v.ageYears),
    ageStatedOn: text(v.ageStatedOn),
    profile: {
      maritalStatus: text(v.profile.maritalStatus),
      numberOfChildren: num(v.profile.numberOfChildren),
      education: text(v.profile.education),
      deceased: v.profile.deceased || undefined,
      otherCitizenships: list(v.profile.otherCitizenships.filter(Boolean)),
      primaryLanguage: text(v.profile.primaryLanguage),
      secondaryLanguage: text(v.profile.secondaryLanguage),
    },
    extra: {
      salutation: text(e.salutation),
      title: text(e.title),
      email: text(e.email),
      homePhone: text(e.homePhone),
      mailingStreet: text(e.mailingStreet),
      mailingCity: text(e.mailingCity),
      mailingState: text(e.mailingState),
      mailingCountry: text(e.mailingCountry),
      mailingPostalCode: text(e.mailingPostalCode),
      mailingLatitude: num(e.mailingLatitude),
      mailingLongitude: num(e.mailingLongitude),
      documents: e.documents.map((d) => ({
        type: d.type,
        number: d.number.trim(),
        country: text(d.country),
        validUntil: text(d.validUntil),
        heldBy: text(d.heldBy),
      })),
      household: e.household.map((h) => ({
        name: h.name.trim(),
        relation: h.relation,
        birthYear: num(h.birthYear),
        together: h.together,
      })),
    },
    version,
  };
}
