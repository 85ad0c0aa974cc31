// The case file's forms turn what their controls hold into requests the shared schemas accept (or
// refuse at the right field), and the route is ordered by date and kind.
import { describe, expect, it } from 'vitest';
import {
  ZConsentInput,
  ZUpdatePersonRequest,
  ZUpdateVictimRequest,
} from '../../../../shared/schemas/case-file';
import type { TCaseFile } from '../../api/case-file';
import { withProfileDefaults } from '../../api/case-file';
import { appEn, type TAppKey } from '../../../../shared/i18n/app/en';
import { num, text } from './form-values';
import { fieldLabel } from './labels';
import { personFormValues, personRequest } from './person-form-values';
import { sortEvents } from './route-order';
import { victimFormValues, victimRequest } from './victim-form-values';

const bareCase = withProfileDefaults({
  id: '00000000-0000-4000-8000-000000000001',
  caseNumber: 'KZ-2026-000001',
  status: 'Active',
  stage: 'new',
  region: null,
  assignedUserId: null,
  openedAt: '2026-01-10T10:00:00.000Z',
  closedAt: null,
  version: 3,
  actions: ['case.read'],
  closureReason: null,
  person: {
    id: '00000000-0000-4000-8000-000000000002',
    sex: 'Feminine',
    citizenship: 'UZB',
    birthYear: 1999,
    languages: ['uzb', 'rus'],
    migrationStatus: 'labour_migrant',
    identity: {
      givenName: 'Dilnoza',
      familyName: 'Karimova',
      middleName: null,
      birthDate: '1999-04-02',
      phone: null,
      documentNumber: 'FA1234567',
      address: null,
    },
  },
  identityRedacted: false,
  contacts: [],
  timeline: [],
} as unknown as TCaseFile);

describe('form values', () => {
  it('empty text is absent, numbers are parsed, what is not a number is passed on', () => {
    expect(text('  ')).toBeUndefined();
    expect(text(' Almaty ')).toBe('Almaty');
    expect(num('')).toBeUndefined();
    expect(num('43,25')).toBe(43.25);
    expect(num('abc')).toBe('abc');
  });
});

describe('person form', () => {
  it('round-trips a case into a valid request with the version', () => {
    const values = personFormValues(bareCase);
    expect(values.person.familyName).toBe('Karimova');
    expect(values.person.middleName).toBe('');
    const request = ZUpdatePersonRequest.parse(personRequest(values, bareCase.version));
    expect(request.version).toBe(3);
    expect(request.person).toEqual({
      givenName: 'Dilnoza',
      familyName: 'Karimova',
      birthDate: '1999-04-02',
      documentNumber: 'FA1234567',
      sex: 'Feminine',
      citizenship: 'UZB',
      languages: ['uzb', 'rus'],
      migrationStatus: 'labour_migrant',
    });
    expect(request.extra).toEqual({ documents: [], household: [] });
  });

  it('refuses a document without a number and a bad e-mail at their fields', () => {
    const values = personFormValues(bareCase);
    values.extra.email = 'not-an-email';
    values.extra.documents = [
      { type: 'passport', number: ' ', country: '', validUntil: '', heldBy: 'employer_or_other' },
    ];
    values.ageYears = 'x';
    const result = ZUpdatePersonRequest.safeParse(personRequest(values, 3));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['extra.email', 'extra.documents.0.number', 'ageYears']));
  });
});

describe('victim form', () => {
  it('sends chosen codes and leaves empty lists out', () => {
    const values = victimFormValues(bareCase);
    values.victim.typesOfExploitation = ['ForcedLabour'];
    values.victim.methodsOfControl = ['WithholdsDocuments', 'DebtBondage'];
    values.victim.ageWhenTrafficked = '24';
    const request = ZUpdateVictimRequest.parse(victimRequest(values, 3));
    expect(request.victim).toEqual({
      typesOfExploitation: ['ForcedLabour'],
      methodsOfControl: ['WithholdsDocuments', 'DebtBondage'],
      ageWhenTrafficked: 24,
    });
  });
});

describe('consent', () => {
  it('what was not explained cannot be agreed', () => {
    const result = ZConsentInput.safeParse({
      explained: ['store_data'],
      agreed: ['store_data', 'share_with_partners'],
      givenOn: '2026-01-10',
      givenBy: 'person',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['agreed'], message: 'notExplained' });
  });
});

describe('route order', () => {
  it('by date, undated last; on one day recruitment before transit before exploitation', () => {
    const e = (id: string, type: string, date: string | null) => ({
      id,
      type,
      date,
      createdAt: `2026-01-0${id}`,
    });
    const sorted = sortEvents([
      e('1', 'Exploitation', '2025-03-01'),
      e('2', 'Transit', null),
      e('3', 'Transit', '2025-02-01'),
      e('4', 'Recruitment', '2025-02-01'),
    ] as never[]) as { id: string }[];
    expect(sorted.map((x) => x.id)).toEqual(['4', '3', '1', '2']);
  });
});

describe('field labels', () => {
  const t = (key: TAppKey) => appEn[key];
  it('names the fields a conflict or the timeline lists, and shows an unknown path as it is', () => {
    expect(fieldLabel(t, 'region')).toBe('Region');
    expect(fieldLabel(t, 'person.birthDate')).toBe('Birth date');
    expect(fieldLabel(t, 'extra.documents')).toBe('Documents');
    expect(fieldLabel(t, 'victim.methodsOfControl')).toBe('Methods of control');
    expect(fieldLabel(t, 'traffickingEvents')).toBe('Route');
    expect(fieldLabel(t, 'something.new')).toBe('something.new');
  });
});
