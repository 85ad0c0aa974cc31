import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HTCDS_FIELD_NAMES } from '../../../shared/htcds/fields';
import { caseDataToHtcds, htcdsToCaseData, type THtcdsCaseData } from './case-data';
import { formatHtcdsCsv, importHtcdsCsv } from './csv';
import {
  ALPHA2_OF_ALPHA3,
  ALPHA3_OF_ALPHA2,
  LANGUAGE_639_2_OF_639_1,
  toAlpha2,
  toAlpha3,
  toLanguage3,
} from './iso-codes';
import { FULL_ROW, htcdsCsv, SECOND_ROW, THIRD_ROW, type THtcdsRow } from './test-fixtures';

const TODAY = '2026-03-01';

async function convert(rows: THtcdsRow[]) {
  const file = await importHtcdsCsv(Readable.from([htcdsCsv(rows)]), { today: TODAY });
  expect(file.rejected).toEqual([]);
  return file.records.map((r) => htcdsToCaseData(r.record));
}

async function dataOf(row: THtcdsRow): Promise<THtcdsCaseData> {
  const [result] = await convert([row]);
  if (!result?.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

async function errorsOf(row: THtcdsRow) {
  const [result] = await convert([row]);
  if (!result || result.ok) throw new Error('expected the row to be refused');
  return result.errors.map((e) => [e.field, e.code, e.params ?? e.value]);
}

describe('HTCDS record ↔ Senim case', () => {
  it('maps every field of the standard and back, unchanged', async () => {
    const rows = [FULL_ROW, SECOND_ROW, THIRD_ROW];
    const file = await importHtcdsCsv(Readable.from([htcdsCsv(rows)]), { today: TODAY });
    const back = file.records.map((r) => {
      const converted = htcdsToCaseData(r.record);
      if (!converted.ok) throw new Error(JSON.stringify(converted.errors));
      return caseDataToHtcds(converted.data);
    });
    expect(formatHtcdsCsv(back, { columns: HTCDS_FIELD_NAMES })).toBe(htcdsCsv(rows));
  });

  it('stores each field where the case file keeps it', async () => {
    const d = await dataOf(FULL_ROW);
    expect(d.person).toEqual({
      givenName: 'Әйгерім',
      middleName: 'Нұрланқызы',
      familyName: 'Сейітқалиева',
      birthDate: '1998-04-12',
      sex: 'Feminine',
      documentNumber: 'N12345678',
      phone: '+7 701 234 56 78',
      citizenship: 'KAZ',
      languages: ['kaz', 'rus'],
    });
    expect(d.profile).toEqual({
      deceased: false,
      maritalStatus: 'Divorced',
      numberOfChildren: 2,
      education: 'UpperSecondaryEducation',
      otherCitizenships: ['UZB'],
      primaryLanguage: 'kaz',
      secondaryLanguage: 'rus',
    });
    expect(d.extra).toMatchObject({ mailingCountry: 'KAZ', mailingLatitude: 42.3155, salutation: 'г-жа' });
    expect(d.victim).toMatchObject({
      perpetratorRoles: ['RecruiterOrIntermediary', 'Exploiter'],
      ageWhenTrafficked: 23,
    });
    expect(Object.keys(d.sensitive).sort()).toEqual([
      'comment',
      'incomingReferralDetails',
      'outgoingReferralDetails',
      'perpetratorRoleDetails',
      'vulnerabilityDetails',
    ]);
    expect(d.htcdsExtra).toMatchObject({
      caseOwner: 'Гүлнар Тілеубаева',
      organisation: { type: 'NGO', shippingLatitude: 42.3417 },
    });
    expect(d.event).toMatchObject({ type: 'Exploitation', country: 'RUS', latitude: 55.7558 });
    expect(d.plan).toMatchObject({ types: ['Legal'], plannedEnd: '2030-12-31' });
    expect([d.status, d.closureReason, d.consent]).toEqual([
      'ClosedReferred',
      'Передана в НПО по месту жительства',
      true,
    ]);
  });

  it('converts ISO codes as the standard writes them', async () => {
    const d = await dataOf({
      prs_Citizenship: 'kz;KGZ;kaz',
      prs_PrimaryLanguage: 'ru',
      prs_SecondaryLanguage: 'ger',
      prs_MailingCountry: 'uz',
      hte_Type: 'Transit',
      hte_Country: 'tr',
    });
    expect([d.person.citizenship, d.profile.otherCitizenships]).toEqual(['KAZ', ['KGZ']]);
    expect([d.profile.primaryLanguage, d.profile.secondaryLanguage, d.person.languages]).toEqual([
      'rus',
      'deu',
      ['rus', 'deu'],
    ]);
    expect([d.extra.mailingCountry, d.event?.country]).toEqual(['UZB', 'TUR']);
    const back = caseDataToHtcds(d);
    expect([
      back.person.prs_MailingCountry,
      back.person.prs_Citizenship,
      back.traffickingEvent.hte_Country,
    ]).toEqual(['UZ', ['KAZ', 'KGZ'], 'TUR']);
  });

  it('refuses what Senim cannot keep, naming the field', async () => {
    expect(
      await errorsOf({
        prs_Citizenship: 'KX',
        prs_PrimaryLanguage: 'qq',
        hte_Country: 'Kazakhstan',
        hte_Type: 'Transit',
      }),
    ).toEqual([
      ['prs_Citizenship', 'unknownCountry', 'KX'],
      ['prs_PrimaryLanguage', 'unknownLanguage', 'qq'],
      ['hte_Country', 'unknownCountry', 'Kazakhstan'],
    ]);
    expect(await errorsOf({ hte_City: 'Актау', spl_Objectives: 'жильё' })).toEqual([
      ['hte_Type', 'eventTypeRequired', undefined],
      ['spl_Type', 'planTypeRequired', undefined],
    ]);
    expect(
      await errorsOf({
        prs_FirstName: 'А'.repeat(201),
        prs_MobilePhone: 'call me',
        cas_ReasonForCaseClosure: 'x'.repeat(2001),
      }),
    ).toEqual([
      ['cas_ReasonForCaseClosure', 'tooLongHere', { max: 2000 }],
      ['prs_FirstName', 'tooLongHere', { max: 200 }],
      ['prs_MobilePhone', 'badPhone', 'call me'],
    ]);
    expect(await errorsOf({ prs_Citizenship: 'KAZ;UZB;KGZ;TJK;TKM;RUS;CHN' })).toEqual([
      ['prs_Citizenship', 'tooManyValues', { max: 5 }],
    ]);
  });

  it('exports what a person entered on screen has in other places', () => {
    const back = caseDataToHtcds({
      person: { address: 'Астана, ул. Кенесары, 1', languages: ['kaz', 'rus', 'eng'] },
      extra: {},
      profile: {},
      status: 'Active',
      closureReason: null,
      victim: {},
      sensitive: {},
      htcdsExtra: {},
      event: null,
      plan: { types: ['Health', 'Legal'] },
      consent: null,
    });
    expect(back.person).toEqual({ prs_PrimaryLanguage: 'kaz', prs_SecondaryLanguage: 'rus' });
    expect(back.supportPlan).toEqual({ spl_Type: 'Health' });
  });
});

describe('ISO code tables', () => {
  it('hold every ISO 3166-1 country once each way, and ISO 639-1', () => {
    expect(ALPHA3_OF_ALPHA2.size).toBe(250); // 249 assigned codes and XK
    expect(ALPHA2_OF_ALPHA3.size).toBe(250);
    expect(LANGUAGE_639_2_OF_639_1.size).toBe(183);
    expect([toAlpha3('kz'), toAlpha3('KAZ'), toAlpha3('XX'), toAlpha3('KAX'), toAlpha2('UZB')]).toEqual([
      'KAZ',
      'KAZ',
      null,
      null,
      'UZ',
    ]);
    expect([toLanguage3('KK'), toLanguage3('chi'), toLanguage3('uig'), toLanguage3('xx')]).toEqual([
      'kaz',
      'zho',
      'uig',
      null,
    ]);
  });
});

describe('docs/HTCDS.md', () => {
  it('lists every field of the standard in its mapping table', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/HTCDS.md'), 'utf8');
    const rows = new Set([...doc.matchAll(/^\| `([a-z]{3}_[A-Za-z]+)` \|/gm)].map((m) => m[1]));
    expect(HTCDS_FIELD_NAMES.filter((f) => !rows.has(f))).toEqual([]);
  });
});
