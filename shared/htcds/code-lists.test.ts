import { describe, expect, it } from 'vitest';
import {
  HTCDS_CODE_LISTS,
  HTCDS_CODE_LIST_IDS,
  HTCDS_CODE_LIST_OF_FIELD,
  ZCaseStatus,
  ZTypeOfExploitation,
  codesOf,
  findCode,
} from './code-lists';
import {
  HTCDS_ASSESSMENT_EXAMPLE_QUESTIONS,
  HTCDS_FIELD_NAMES,
  HTCDS_GROUPS,
  getHtcdsField,
  groupOfField,
} from './fields';
import { ILO_INDICATOR_IDS, ILO_INDICATOR_LABELS, ILO_INDICATOR_LOCALES } from './ilo-indicators';
import { ISIC_SECTIONS, ISIC_SECTION_NAMES, industryLabels, isicSectionOf } from './isic';
import { HTCDS_LABELS, htcdsLabel } from './labels';

const CYRILLIC = /[\u0400-\u04FF]/;

describe('HTCDS fields', () => {
  it('has the 83 data fields of v2.0 and the 9 example questions', () => {
    expect(HTCDS_FIELD_NAMES).toHaveLength(83);
    expect(HTCDS_ASSESSMENT_EXAMPLE_QUESTIONS).toHaveLength(9);
    expect(getHtcdsField('prs_Gender')).toMatchObject({
      section: 'Person',
      label: 'Gender',
      core: true,
      kind: 'picklist',
    });
    expect(getHtcdsField('vic_LocationOfRecruitment')).toMatchObject({
      kind: 'lookup',
      lookupTo: 'organisation',
    });
    expect(getHtcdsField('prs_Citizenship').standard).toMatch(/ISO 3166/);
  });
  it('puts every field in a group, referral details apart from the case', () => {
    expect(HTCDS_GROUPS).toHaveLength(10);
    expect(groupOfField('cas_Status')).toBe('case');
    expect(groupOfField('cas_IncomingReferralDate')).toBe('referral');
    expect(groupOfField('hte_Type')).toBe('traffickingEvent');
  });
});

describe('HTCDS code lists', () => {
  it('has one list per picklist field, with exactly the values of the standard', () => {
    for (const [field, list] of Object.entries(HTCDS_CODE_LIST_OF_FIELD)) {
      expect(codesOf(list), field).toEqual(
        getHtcdsField(field as keyof typeof HTCDS_CODE_LIST_OF_FIELD).values,
      );
    }
    expect(HTCDS_CODE_LIST_IDS).toHaveLength(19);
    expect(ZCaseStatus.options).toEqual(['Active', 'FollowUp', 'Closed', 'ClosedReferred']);
  });
  it('parses codes with zod and finds codes written loosely', () => {
    expect(ZTypeOfExploitation.safeParse('ForcedLabour').success).toBe(true);
    expect(ZTypeOfExploitation.safeParse('forced labour').success).toBe(false);
    expect(findCode('typeOfExploitation', 'forced labour')).toBe('ForcedLabour');
    expect(findCode('forcedLabourIndustry', 'f construction')).toBe('F_Construction');
    expect(findCode('caseStatus', 'Pending')).toBeUndefined();
  });
});

describe('HTCDS labels', () => {
  it('labels every code in en, ru and kk, with distinct non-empty labels', () => {
    for (const [locale, labels] of Object.entries(HTCDS_LABELS)) {
      for (const list of HTCDS_CODE_LIST_IDS) {
        const entries = Object.entries(labels[list]);
        expect(Object.keys(labels[list]).sort(), `${locale}.${list}`).toEqual(
          [...HTCDS_CODE_LISTS[list].options].sort(),
        );
        const texts = entries.map(([, t]) => t);
        expect(new Set(texts).size, `${locale}.${list} has duplicate labels`).toBe(texts.length);
        for (const [code, text] of entries) {
          expect(text.trim(), `${locale}.${list}.${code}`).not.toBe('');
          if (locale !== 'en' && list !== 'websiteOrApp' && code !== 'NGO')
            expect(text, `${locale}.${list}.${code}`).toMatch(CYRILLIC);
        }
      }
    }
  });
  it('uses the usual counter-trafficking terms', () => {
    expect(htcdsLabel('ru', 'typeOfExploitation', 'ForcedLabour')).toBe('Принудительный труд');
    expect(htcdsLabel('kk', 'typeOfExploitation', 'ForcedLabour')).toBe('Мәжбүрлі еңбек');
    expect(htcdsLabel('ru', 'typeOfExploitation', 'SexualExploitation')).toBe('Сексуальная эксплуатация');
    expect(htcdsLabel('kk', 'typeOfExploitation', 'SexualExploitation')).toBe('Жыныстық қанау');
    expect(htcdsLabel('kk', 'forcedLabourIndustry', 'F_Construction')).toBe('Құрылыс');
  });
});

describe('ISIC sections and ILO indicators', () => {
  it('names the 21 ISIC sections in three languages and maps the industry codes to them', () => {
    expect(ISIC_SECTIONS).toHaveLength(21);
    expect(codesOf('forcedLabourIndustry').map(isicSectionOf)).toEqual([...ISIC_SECTIONS]);
    for (const s of ISIC_SECTIONS) {
      expect(ISIC_SECTION_NAMES[s].ru).toMatch(CYRILLIC);
      expect(ISIC_SECTION_NAMES[s].kk).toMatch(CYRILLIC);
    }
    expect(industryLabels('ru').T_ActivitiesOfHouseholdsAsEmployers).toMatch(
      /^Деятельность домашних хозяйств/,
    );
  });
  it('labels the 11 ILO indicators in six languages, each in its script', () => {
    expect(ILO_INDICATOR_IDS).toHaveLength(11);
    for (const id of ILO_INDICATOR_IDS) {
      for (const locale of ILO_INDICATOR_LOCALES)
        expect(ILO_INDICATOR_LABELS[id][locale].trim()).not.toBe('');
      expect(ILO_INDICATOR_LABELS[id].uz).not.toMatch(CYRILLIC);
      for (const locale of ['ru', 'kk', 'ky', 'tg'] as const)
        expect(ILO_INDICATOR_LABELS[id][locale]).toMatch(CYRILLIC);
    }
    const tajik = ILO_INDICATOR_IDS.map((id) => ILO_INDICATOR_LABELS[id].tg).join(' ');
    expect(tajik).toMatch(/[ғӣқӯҳҷ]/);
    expect(tajik).not.toMatch(/[ңөүұәі]/); // Kazakh/Kyrgyz letters do not belong in Tajik
  });
});
