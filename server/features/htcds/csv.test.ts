import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { codeListOfField } from '../../../shared/htcds/code-lists';
import {
  HTCDS_FIELD_NAMES,
  getHtcdsField,
  groupOfField,
  type THtcdsFieldName,
} from '../../../shared/htcds/fields';
import { emptyHtcdsRecord, type THtcdsAnyValue, type THtcdsRecord } from '../../../shared/htcds/record';
import {
  HtcdsHeaderError,
  formatHtcdsCsv,
  importHtcdsCsv,
  latestCalendarDate,
  mapHtcdsHeader,
  writeHtcdsCsv,
} from './csv';

const today = '2025-06-15';
const read = (text: string | string[]) =>
  importHtcdsCsv(Readable.from(Array.isArray(text) ? text : [text]), { today });

/** A value of the right kind for every field, with the awkward text a real file holds. */
function sampleValue(name: THtcdsFieldName, i: number): THtcdsAnyValue {
  const field = getHtcdsField(name);
  const list = codeListOfField(name);
  switch (field.kind) {
    case 'picklist':
      return list ? (field.values[i % field.values.length] as string) : 'kaz';
    case 'multiPicklist':
      return list ? field.values.slice(0, 1 + (i % 3)) : ['KZ', 'UZB'];
    case 'checkbox':
      return i % 2 === 0;
    case 'date':
      if (name === 'prs_Birthdate') return '1990-02-2' + String(i % 9);
      return name === 'spl_PlannedEndDate' ? '2026-03-01' : '2019-07-0' + String(1 + (i % 9));
    case 'number':
      return name === 'vic_AgeWhenTrafficked' ? 19 : name === 'prs_NumberOfChildren' ? 2 : 43.25;
    case 'geolocation':
      return /Latitude/.test(name) ? 51.1694 : 71.4491;
    case 'longText':
      return `  Гульдан said: "they took my passport",\nthen left; ${name}`;
    case 'text':
    case 'picklistOrText':
    case 'lookup':
      if (name === 'prs_Email') return 'guldan@example.kz';
      if (name === 'prs_MailingCountry') return 'KZ';
      return `Тлегенова, Gul'dan ${name}`;
  }
}

function fullRecord(seed: number, fields: readonly THtcdsFieldName[] = HTCDS_FIELD_NAMES): THtcdsRecord {
  const record = emptyHtcdsRecord();
  const groups = record as unknown as Record<string, Record<string, THtcdsAnyValue>>;
  fields.forEach((f, i) => {
    groups[groupOfField(f)]![f] = sampleValue(f, i + seed);
  });
  return record;
}

describe('HTCDS CSV', () => {
  it('round-trips every field, through the text and the streaming writer', async () => {
    const records = [fullRecord(0), fullRecord(1), fullRecord(2)];
    const text = formatHtcdsCsv(records, { columns: HTCDS_FIELD_NAMES, bom: true });
    const back = await read(text);
    expect(back.rejected).toEqual([]);
    expect(back.header.unknownColumns).toEqual([]);
    expect(back.header.deprecatedColumns).toEqual([
      'vic_AgreementToManagePersonalData',
      'vic_Vulnerabilities',
      'vic_DetailsOfVulnerabilities',
    ]);
    expect(back.records.map((r) => r.record)).toEqual(records);
    // Each long text holds a line break, so a record spans several lines of the file.
    const span = 1 + HTCDS_FIELD_NAMES.filter((f) => getHtcdsField(f).kind === 'longText').length;
    expect(back.records.map((r) => r.line)).toEqual([2, 2 + span, 2 + 2 * span]);

    const chunks: string[] = [];
    for await (const chunk of writeHtcdsCsv(records, { columns: HTCDS_FIELD_NAMES, bom: true }))
      chunks.push(chunk);
    expect(chunks.join('')).toBe(text);
    const again = await read(chunks);
    expect(again.records.map((r) => r.record)).toEqual(records);
  });

  it('writes the standard columns by default, deprecated fields left out', () => {
    const header = formatHtcdsCsv([]).trim().split(',');
    expect(header).toHaveLength(80);
    expect(header[0]).toBe('org_Name');
    expect(header).toContain('prs_Gender');
    expect(header).not.toContain('vic_Vulnerabilities');
  });

  it('maps header names without letter case, with aliases, and reports unknown columns', async () => {
    const r = await importHtcdsCsv(
      Readable.from(['PRS_GENDER,Пол жертвы,notes,cas_status\nFeminine,ForcedLabour,x,Active\n']),
      {
        today,
        aliases: { 'пол жертвы': 'vic_TypeOfExploitation' },
      },
    );
    expect(r.header.unknownColumns).toEqual([{ position: 3, name: 'notes' }]);
    expect(r.records[0]?.record.person).toEqual({ prs_Gender: 'Feminine' });
    expect(r.records[0]?.record.victimContext).toEqual({ vic_TypeOfExploitation: ['ForcedLabour'] });
    expect(r.records[0]?.record.case).toEqual({ cas_Status: 'Active' });
    expect(() => mapHtcdsHeader(['prs_Gender', 'PRS_Gender'])).toThrow(HtcdsHeaderError);
    expect(() => mapHtcdsHeader(['name', 'sex'])).toThrow(/no column is an HTCDS field/);
    await expect(read('')).rejects.toThrow(/empty/);
  });

  it('reports every kind of bad row with its line number and reason, and keeps the good rows', async () => {
    const header = [
      'prs_FirstName', 'prs_Birthdate', 'prs_Gender', 'prs_Citizenship', 'prs_PrimaryLanguage', 'prs_Email',
      'prs_NumberOfChildren', 'vic_AgeWhenTrafficked', 'vic_TypeOfExploitation', 'cas_Status',
      'cas_IncomingReferralDate', 'hte_Latitude', 'con_Consent', 'extra',
    ].join(','); // prettier-ignore
    const rows = [
      'Aigerim,1995-04-02,Feminine,KZ,kaz,a@b.kz,1,24,ForcedLabour,Active,2024-01-10,43.2,true,', // 2 good
      'Bolat,,Man,,,,,,,,,,,', // 3 unknownCode
      'Chinara,,,,,,,,ForcedLabour;Blackmail,,,,,', // 4 unknownCode in a list
      'Dana,,,,,,,,,Active;Closed,,,,', // 5 multipleValues
      'Erlan,31.02.1990,,,,,,,,,,,,', // 6 notADate
      'Farida,,,,,,,,,,2030-01-01,,,', // 7 futureDate
      'Gulnara,1890-01-01,,,,,,,,,,,,', // 8 dateTooEarly
      'Haidar,,,,,,,130,,,,,,', // 9 implausibleAge
      'Iskander,2010-01-01,,,,,,30,,,,,,', // 10 implausibleAge: trafficked older than now
      'Jamila,,,,,,two,,,,,,,', // 11 notANumber
      'Kairat,,,,,,,,,,,95,,', // 12 outOfRange
      'Lola,,,,,,,,,,,,maybe,', // 13 notABoolean
      `${'M'.repeat(300)},,,,,,,,,,,,,`, // 14 tooLong
      'Nurlan,,,,russian,,,,,,,,,', // 15 badLanguageCode
      'Olga,,,Kazakhstan,,,,,,,,,,', // 16 badCountryCode
      'Pavel,,,,,,nobody,,,,,,,', // 17 notANumber again
      'Qadir,,,,,not-mail,,,,,,,,', // 18 badEmail
      ',,,,,,,,,,,,,ignored', // 19 emptyRow (only an unknown column has a value)
      'Rustam,"broken"quote,,,,,,,,,,,,', // 20 malformedRow
      'Saule,,,,,,,,,,', // 21 malformedRow: wrong field count
      'Timur,1990-01-01,Masculine,UZ;KZ,uzb,,0,20,SexualExploitation;ForcedBegging,ClosedReferred,2025-06-15,-12.5,0,', // 22 good
    ];
    const r = await read([header, ...rows].join('\n') + '\n');
    expect(r.records.map((x) => x.line)).toEqual([2, 22]);
    const reasons = r.rejected.map((x) => [x.line, x.errors.map((e) => e.code).join(',')]);
    expect(reasons).toEqual([
      [3, 'unknownCode'],
      [4, 'unknownCode'],
      [5, 'multipleValues'],
      [6, 'notADate'],
      [7, 'futureDate'],
      [8, 'dateTooEarly'],
      [9, 'implausibleAge'],
      [10, 'implausibleAge'],
      [11, 'notANumber'],
      [12, 'outOfRange'],
      [13, 'notABoolean'],
      [14, 'tooLong'],
      [15, 'badLanguageCode'],
      [16, 'badCountryCode'],
      [17, 'notANumber'],
      [18, 'badEmail'],
      [19, 'emptyRow'],
      [20, 'malformedRow'],
      [21, 'malformedRow'],
    ]);
    const bolat = r.rejected[0]!;
    expect(bolat.errors[0]).toMatchObject({ field: 'prs_Gender', column: 'prs_Gender' });
    expect(bolat.errors[0]!.message).toMatch(/"Man".*Feminine, Masculine/);
    expect(bolat.cells[0]).toBe('Bolat'); // kept for a file of rejected rows
    expect(r.rejected[1]!.errors[0]!.message).toMatch(/Blackmail/);
    expect(r.records[1]!.record.victimContext).toEqual({
      vic_AgeWhenTrafficked: 20,
      vic_TypeOfExploitation: ['SexualExploitation', 'ForcedBegging'],
    });
    expect(r.records[1]!.record.consent).toEqual({ con_Consent: false });
  });

  it('reports all the bad cells of one row together', async () => {
    const r = await read('prs_Gender,cas_Status,hte_Date\nWoman,Open,tomorrow\n');
    expect(r.rejected[0]?.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'prs_Gender', 'unknownCode'],
      [2, 'cas_Status', 'unknownCode'],
      [2, 'hte_Date', 'notADate'],
    ]);
  });

  it('does not refuse today in Astana when the server keeps UTC', () => {
    // 2025-06-14 21:30 UTC is already 2025-06-15 02:30 in Astana (UTC+5).
    expect(latestCalendarDate(Date.UTC(2025, 5, 14, 21, 30))).toBe('2025-06-15');
  });
});
