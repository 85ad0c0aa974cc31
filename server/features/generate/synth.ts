/**
 * Fictional but realistic case data, drawn from a seed: persons with Central Asian names, cases
 * over the last years across the 20 regions, their HTCDS victim context, hotline contacts and
 * trafficking events. Pure: nothing here touches the database or seals anything.
 *
 * Every record is a function of (seed, its index) only, through its own random stream, so a record
 * does not depend on the batch size, on the database, or on the records drawn before it: the same
 * seed gives the same persons in the same order. Dates are laid out from `until` backwards, so they
 * also depend on the number of cases and on `until`.
 */
import {
  kazakhToPassport,
  kyrgyzToPassport,
  russianToIcao,
  tajikToPassport,
  uzbekLatinToCyrillic,
} from '../../../shared/names';
import { REGION_CODES, type TRegionCode } from '../../../shared/regions';
import type { TCaseStatus, THtcdsCode, THtcdsGender } from '../../../shared/htcds/code-lists';
import type { TPersonInput, TCaseStage } from '../../../shared/schemas/cases';
import type { TVictimContext } from '../../../shared/schemas/case-file';
import { prng } from '../linkage/model';
import { feminine, type TGroupNames, type TNameGroup } from './name-lists';

export type TRnd = () => number;
const DAY = 86_400_000;
/** Kazakhstan time (UTC+5). */
const KZ_OFFSET = 5 * 3_600_000;

// ---------------------------------------------------------------------------------------------
// Random streams

/** A 32-bit mix of the seed, a record's index and a stream number (murmur3's finaliser). */
export function mix(seed: number, index: number, stream: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The random stream of one record of one kind. */
export const streamOf = (seed: number, index: number, stream: number): TRnd => prng(mix(seed, index, stream));

const STREAM = { person: 1, reuse: 2, kase: 3, contact: 4, standalone: 5, event: 6, layout: 7 } as const;

export function pick<T>(rnd: TRnd, a: readonly T[]): T {
  return a[Math.floor(rnd() * a.length)] as T;
}
/** A list entry, the first ones more often (r² puts a third of the draws on the first tenth). */
function pickCommon<T>(rnd: TRnd, a: readonly T[]): T {
  const r = rnd();
  return a[Math.floor(r * r * a.length)] as T;
}
export function weighted<T>(rnd: TRnd, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of options) total += w;
  let r = rnd() * total;
  for (const [v, w] of options) {
    if (r < w) return v;
    r -= w;
  }
  return options[options.length - 1]![0];
}
/** k distinct entries (k ≤ length), in list order. */
function some<T>(rnd: TRnd, a: readonly T[], k: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, a.length)) chosen.add(Math.floor(rnd() * a.length));
  return [...chosen].sort((x, y) => x - y).map((i) => a[i]!);
}
function digits(rnd: TRnd, k: number): string {
  let s = '';
  for (let i = 0; i < k; i++) s += String(Math.floor(rnd() * 10));
  return s;
}
/** The calendar day of an instant in Kazakhstan time. */
export const kzDay = (ms: number): string => new Date(ms + KZ_OFFSET).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Persons

const GROUP_WEIGHTS: readonly (readonly [TNameGroup, number])[] = [
  ['kk', 0.4],
  ['uz', 0.22],
  ['ru', 0.12],
  ['ky', 0.14],
  ['tg', 0.12],
];
const COUNTRY: Record<TNameGroup, string> = { kk: 'KAZ', ru: 'KAZ', uz: 'UZB', ky: 'KGZ', tg: 'TJK' };
const LANGUAGE: Record<TNameGroup, string> = { kk: 'kaz', ru: 'rus', uz: 'uzb', ky: 'kir', tg: 'tgk' };
/** Cyrillic names as written in a passport (Latin), for records entered from a document. */
const TO_LATIN: Record<TNameGroup, (s: string) => string> = {
  kk: kazakhToPassport,
  ru: russianToIcao,
  tg: tajikToPassport,
  ky: kyrgyzToPassport,
  uz: (s) => s,
};
const CITIES: Record<TNameGroup, readonly string[]> = {
  kk: ['Алматы', 'Астана', 'Шымкент', 'Тараз', 'Түркістан', 'Қызылорда', 'Ақтөбе', 'Қарағанды', 'Атырау', 'Ақтау'],
  ru: ['Алматы', 'Астана', 'Караганда', 'Павлодар', 'Усть-Каменогорск', 'Костанай', 'Петропавловск', 'Уральск'],
  uz: ['Toshkent', 'Samarqand', 'Andijon', 'Namangan', 'Farg‘ona', 'Buxoro', 'Qarshi', 'Jizzax'],
  ky: ['Бишкек', 'Ош', 'Жалал-Абад', 'Каракол', 'Нарын', 'Талас', 'Баткен'],
  tg: ['Душанбе', 'Хуҷанд', 'Бохтар', 'Кӯлоб', 'Истаравшан', 'Панҷакент'],
};
const STREETS: Record<TNameGroup, readonly string[]> = {
  kk: ['Абай даңғылы', 'Төле би көшесі', 'Сейфуллин көшесі', 'Жібек жолы', 'Қабанбай батыр көшесі'],
  ru: ['ул. Ленина', 'пр. Мира', 'ул. Гоголя', 'ул. Пушкина', 'мкр. Самал'],
  uz: ['Amir Temur ko‘chasi', 'Navoiy ko‘chasi', 'Mustaqillik shoh ko‘chasi', 'Bobur ko‘chasi'],
  ky: ['ул. Манаса', 'пр. Чуй', 'ул. Токтогула', 'ул. Ленина'],
  tg: ['хиёбони Рӯдакӣ', 'кӯчаи Исмоили Сомонӣ', 'кӯчаи Айнӣ', 'кӯчаи Бохтар'],
};

export type TSynthPerson = TPersonInput & {
  group: TNameGroup;
  /** the script the names are written in */
  script: 'cyrillic' | 'latin';
  sex: THtcdsGender;
};

function patronymic(rnd: TRnd, names: TGroupNames, female: boolean, father: string): string | undefined {
  if (rnd() >= 0.75) return undefined;
  if (names.group === 'ru') return pick(rnd, (female ? names.patronymicFemale : names.patronymicMale) ?? []) || undefined;
  if (names.group === 'uz') return `${father} ${female ? 'qizi' : 'o‘g‘li'}`;
  if (names.group === 'kk' || names.group === 'ky') {
    if (rnd() < 0.4) {
      return `${father}${female ? (names.group === 'kk' ? 'қызы' : 'кызы') : names.group === 'kk' ? 'ұлы' : 'уулу'}`;
    }
    return `${father}${/[аеиоуұүыіэюяөә]$/.test(father) ? 'е' : 'о'}${female ? 'вна' : 'вич'}`;
  }
  return `${father}${female ? 'овна' : 'ович'}`;
}

function phoneFor(rnd: TRnd, group: TNameGroup): string {
  const local = group === 'kk' || group === 'ru' || rnd() < 0.4; // migrants often use a Kazakh SIM
  if (local) {
    const code = pick(rnd, ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778']);
    const n = digits(rnd, 7);
    switch (Math.floor(rnd() * 3)) {
      case 0:
        return `+7 ${code} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`;
      case 1:
        return `8 (${code}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`;
      default:
        return `8${code}${n}`;
    }
  }
  switch (group) {
    case 'uz':
      return `+998 ${pick(rnd, ['90', '91', '93', '94', '95', '97', '98', '99', '33', '88'])} ${digits(rnd, 3)} ${digits(rnd, 2)} ${digits(rnd, 2)}`;
    case 'ky':
      return `+996 ${pick(rnd, ['500', '550', '555', '700', '707', '770', '777', '220'])} ${digits(rnd, 3)} ${digits(rnd, 3)}`;
    default:
      return `+992 ${pick(rnd, ['90', '91', '92', '93', '98', '88', '55', '50'])} ${digits(rnd, 3)} ${digits(rnd, 4)}`;
  }
}

function documentFor(rnd: TRnd, group: TNameGroup): string {
  switch (group) {
    case 'uz':
      return `${pick(rnd, ['AA', 'AB', 'AC', 'FA'])}${digits(rnd, 7)}`;
    case 'ky':
      return `${pick(rnd, ['AC', 'ID', 'AN'])}${digits(rnd, 7)}`;
    case 'tg':
      return `${pick(rnd, ['A', '4'])}${digits(rnd, 8)}`;
    default:
      return rnd() < 0.6 ? `0${digits(rnd, 8)}` : `N${digits(rnd, 8)}`;
  }
}

/**
 * One person. `femaleShare` is how likely the case's exploitation makes a woman, `ageYears` the age
 * at `openedMs`. The names' draws come first in the person's own stream.
 */
export function synthPerson(
  groups: Record<TNameGroup, TGroupNames>,
  seed: number,
  index: number,
  opts: { femaleShare: number; ageYears: number; openedMs: number },
): TSynthPerson {
  const rnd = streamOf(seed, index, STREAM.person);
  const group = weighted(rnd, GROUP_WEIGHTS);
  const names = groups[group];
  const femaleDraw = rnd();
  const familyMale = pickCommon(rnd, names.familyMale);
  const father = pickCommon(rnd, names.male);
  const given = { f: pickCommon(rnd, names.female), m: pickCommon(rnd, names.male) };
  const scriptDraw = rnd();
  const patronymicRnd = streamOf(seed, index, STREAM.person + 100);
  const extra = streamOf(seed, index, STREAM.person + 200);

  const female = femaleDraw < opts.femaleShare;
  let givenName = female ? given.f : given.m;
  let familyName = female ? feminine(familyMale) : familyMale;
  let middleName = patronymic(patronymicRnd, names, female, father);
  // Cyrillic lists are entered from a passport in Latin one time in five; Uzbek names (Latin at
  // the source) are written in Cyrillic two times in five.
  let script: TSynthPerson['script'] = names.script;
  if (names.script === 'cyrillic' && scriptDraw < 0.2) {
    const latin = TO_LATIN[group];
    givenName = latin(givenName);
    familyName = latin(familyName);
    middleName = middleName === undefined ? undefined : latin(middleName);
    script = 'latin';
  } else if (group === 'uz' && scriptDraw < 0.4) {
    givenName = uzbekLatinToCyrillic(givenName);
    familyName = uzbekLatinToCyrillic(familyName);
    middleName = middleName === undefined ? undefined : uzbekLatinToCyrillic(middleName);
    script = 'cyrillic';
  }

  // Birth date: the age at opening, on a random day of that year of life.
  const birthMs = opts.openedMs - (opts.ageYears * 365.25 + extra() * 365) * DAY;
  const birthDate = kzDay(birthMs);
  const citizenship = group === 'ru' && extra() < 0.1 ? 'RUS' : COUNTRY[group];
  const languages = [LANGUAGE[group]];
  if (group !== 'ru' && extra() < 0.6) languages.push('rus');
  const migrationStatus =
    citizenship === 'KAZ'
      ? extra() < 0.06
        ? 'returnee'
        : 'citizen'
      : weighted(extra, [
          ['labour_migrant', 55],
          ['irregular', 28],
          ['unknown', 10],
          ['stateless', 3],
          ['asylum_seeker', 2],
          ['other', 2],
        ] as const);
  const person: TSynthPerson = {
    group,
    script,
    givenName,
    familyName,
    ...(middleName ? { middleName } : {}),
    sex: female ? 'Feminine' : 'Masculine',
    citizenship,
    languages,
    migrationStatus,
  };
  if (extra() < 0.92) person.birthDate = birthDate;
  if (extra() < 0.78) person.phone = phoneFor(extra, group);
  if (extra() < 0.6) person.documentNumber = documentFor(extra, group);
  if (extra() < 0.5) {
    const home = extra() < 0.5 || group === 'kk' || group === 'ru' ? group : 'kk';
    person.address = `${pick(extra, CITIES[home])}, ${pick(extra, STREETS[home])}, ${1 + Math.floor(extra() * 180)}`;
  }
  return person;
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Cases per region: population and where trafficking cases are reported (our rough weights). */
const REGION_WEIGHTS: Record<TRegionCode, number> = {
  almaty: 16,
  astana: 11,
  shymkent: 10,
  turkistan: 10,
  almaty_region: 7,
  jambyl: 5,
  karaganda: 5,
  aktobe: 4,
  east_kazakhstan: 3,
  mangystau: 4,
  atyrau: 4,
  kyzylorda: 3,
  pavlodar: 3,
  kostanay: 2,
  west_kazakhstan: 2,
  akmola: 2,
  north_kazakhstan: 1.5,
  jetisu: 2,
  abai: 2,
  ulytau: 1,
};
const REGION_OPTIONS = REGION_CODES.map((r) => [r, REGION_WEIGHTS[r]] as const);

type TExploitation = THtcdsCode<'typeOfExploitation'>;
const EXPLOITATION: readonly (readonly [TExploitation, number])[] = [
  ['ForcedLabour', 55],
  ['SexualExploitation', 22],
  ['Servitude', 7],
  ['ForcedMarriage', 4],
  ['ForcedBegging', 4],
  ['ChildLabour', 4],
  ['Other', 4],
];
const FEMALE_SHARE: Record<TExploitation, number> = {
  ForcedLabour: 0.3,
  SexualExploitation: 0.95,
  Servitude: 0.7,
  ForcedMarriage: 0.97,
  ForcedBegging: 0.5,
  ChildLabour: 0.4,
  Other: 0.5,
  ForcedMilitaryByNonStateActors: 0.05,
  OrganRemoval: 0.4,
  ForcedAdoption: 0.5,
  Surrogacy: 1,
};
const INDUSTRY: readonly (readonly [THtcdsCode<'forcedLabourIndustry'>, number])[] = [
  ['F_Construction', 30],
  ['A_AgricultureForestryAndFishing', 22],
  ['T_ActivitiesOfHouseholdsAsEmployers', 12],
  ['I_AccommodationAndFoodServiceActivities', 10],
  ['G_WholesaleAndRetailTradeRepairOfMotorVehicles', 9],
  ['C_Manufacturing', 8],
  ['H_TransportationAndStorage', 4],
  ['S_OtherServiceActivities', 3],
  ['B_MiningAndQuarrying', 2],
];
const CONTROL: readonly (readonly [THtcdsCode<'methodOfControl'>, number])[] = [
  ['WithholdsDocuments', 40],
  ['TakesEarnings', 30],
  ['FalsePromises', 28],
  ['ExcessiveWorkingHours', 22],
  ['DebtBondage', 20],
  ['PsychologicalAbuse', 18],
  ['PhysicalThreats', 14],
  ['ThreatsLawEnforcement', 12],
  ['RestrictsFinancialAccess', 8],
  ['WithholdsNecessities', 7],
  ['PhysicalAbuse', 6],
  ['SexualAbuse', 4],
  ['ThreatensChildrenFamily', 4],
  ['RestrictsMedicalCare', 3],
  ['PsychoactiveSubstance', 2],
];
const RECRUITMENT: readonly (readonly [THtcdsCode<'recruitmentMethod'>, number])[] = [
  ['ThroughFriendsOrSocialEvents', 30],
  ['ThroughOnlineSocialNetworks', 22],
  ['ThroughAnOnlineAdvertisement', 16],
  ['ThroughFamilyOrFamilyEvents', 12],
  ['AtAPlaceOfBusiness', 8],
  ['AtWork', 6],
  ['ThroughANewspaperAdvert', 3],
  ['Other', 3],
];
const WEBSITES: readonly (readonly [THtcdsCode<'websiteOrApp'>, number])[] = [
  ['WhatsApp', 35],
  ['Telegram', 30],
  ['Instagram', 18],
  ['TikTok', 8],
  ['Facebook', 5],
  ['Other', 4],
];
const VULNERABILITIES = ['Poverty', 'Migration', 'Education', 'WorkEnvironment', 'Homelessness', 'Addiction'] as const;
const PERPETRATORS: readonly THtcdsCode<'perpetratorRole'>[] = [
  'RecruiterOrIntermediary',
  'Exploiter',
  'Transporter',
  'BrokerTravelAgent',
  'ControlledIndividual',
];
const CLOSURE_REASONS = [
  'Цели плана поддержки достигнуты',
  'Передан партнёрской организации по месту жительства',
  'Вернулся в страну происхождения',
  'Связь с клиентом потеряна',
  'Клиент отказался от дальнейшей помощи',
  'Қолдау жоспарының мақсаттарына қол жеткізілді',
] as const;

export type TSynthCase = {
  index: number;
  /** the index whose person this case is about (itself, or an earlier case: the same person again) */
  personIndex: number;
  openedMs: number;
  closedMs: number | null;
  updatedMs: number;
  status: TCaseStatus;
  stage: TCaseStage;
  region: TRegionCode | null;
  /** index into the organisation's case handlers, or null (not yet assigned) */
  assignee: number | null;
  closureReason: string | null;
  traffickingStatus: THtcdsCode<'traffickingStatus'>;
  victim: TVictimContext;
  exploitation: TExploitation;
  ageYears: number;
  /** one update after opening (closure or follow-up) */
  version: number;
};

/** The quantile of a linearly growing yearly rate: later years have more cases (2× at the end). */
function growth(q: number): number {
  const g = 1; // density ∝ 1 + g·x on [0, 1]
  return (-1 + Math.sqrt(1 + 2 * g * q * (1 + g / 2))) / g;
}

export type TLayout = { count: number; untilMs: number; years: number };

/** The opening instant of case i: increasing with i, spread over the years before `until`. */
export function openedAt(seed: number, i: number, layout: TLayout): number {
  const rnd = streamOf(seed, i, STREAM.layout);
  const q = Math.min(0.999999, (i + rnd()) / layout.count);
  const span = layout.years * 365.25 * DAY;
  return Math.floor(layout.untilMs - span + growth(q) * span);
}

/** A case worker handles a case within this many cases of it (the same person again). */
const REUSE_WINDOW = 100;

/** The case whose person case i is about: a person comes back now and then (3 %). */
export function personIndexOf(seed: number, i: number): number {
  let at = i;
  for (let hops = 0; hops < 5; hops++) {
    const rnd = streamOf(seed, at, STREAM.reuse);
    if (at === 0 || rnd() >= 0.03) return at;
    at = Math.max(0, at - 1 - Math.floor(rnd() * Math.min(at, REUSE_WINDOW)));
  }
  return at;
}

export function synthCase(seed: number, i: number, layout: TLayout, handlers: number): TSynthCase {
  const rnd = streamOf(seed, i, STREAM.kase);
  const openedMs = openedAt(seed, i, layout);
  const ageDays = (layout.untilMs - openedMs) / DAY;
  const exploitation = weighted(rnd, EXPLOITATION);
  const minor = exploitation === 'ChildLabour' || rnd() < 0.06;
  const ageYears = minor ? 12 + Math.floor(rnd() * 6) : 18 + Math.floor(Math.pow(rnd(), 1.6) * 40);
  const region = rnd() < 0.97 ? weighted(rnd, REGION_OPTIONS) : null;

  // Older cases are mostly closed; recent ones go through the stages.
  const closed = rnd() < Math.min(0.93, 1 - Math.exp(-ageDays / 200));
  let status: TCaseStatus;
  let stage: TCaseStage;
  let closedMs: number | null = null;
  let closureReason: string | null = null;
  let version = 1;
  if (closed) {
    status = rnd() < 0.25 ? 'ClosedReferred' : 'Closed';
    stage = 'closed';
    const lasted = Math.min(ageDays, 7 + -Math.log(1 - rnd()) * 140);
    closedMs = Math.floor(openedMs + lasted * DAY);
    closureReason = status === 'ClosedReferred' ? CLOSURE_REASONS[1] : pick(rnd, CLOSURE_REASONS);
    version = 2;
  } else if (ageDays > 120 && rnd() < 0.4) {
    status = 'FollowUp';
    stage = 'follow_up';
    version = 2;
  } else {
    status = 'Active';
    stage = ageDays < 7 ? 'new' : ageDays < 30 ? 'assessment' : ageDays < 90 ? 'support_plan' : 'services';
  }
  const assignee = handlers === 0 || (stage === 'new' && rnd() < 0.4) ? null : Math.floor(Math.pow(rnd(), 1.3) * handlers);
  const updatedMs = closedMs ?? Math.floor(openedMs + Math.min(ageDays, rnd() * 60) * DAY);

  const traffickingStatus = weighted(
    rnd,
    closed
      ? ([
          ['ActualVictimOfTrafficking', 40],
          ['PossibleVictimOfTrafficking', 42],
          ['NotAVictimOfTrafficking', 18],
        ] as const)
      : ([
          ['PossibleVictimOfTrafficking', 75],
          ['ActualVictimOfTrafficking', 15],
          ['NotAVictimOfTrafficking', 10],
        ] as const),
  );
  const victim: TVictimContext = { traffickingStatus, typesOfExploitation: [exploitation] };
  if (traffickingStatus === 'ActualVictimOfTrafficking') {
    victim.statusDecisionMaker = weighted(rnd, [
      ['Police', 50],
      ['NGO', 25],
      ['CourtOrProsecution', 15],
      ['NonPoliceGovernmentalOrganization', 10],
    ] as const);
  }
  if (exploitation === 'ForcedLabour' && rnd() < 0.15) victim.typesOfExploitation!.push('Servitude');
  if (exploitation === 'ForcedLabour' || exploitation === 'ChildLabour' || exploitation === 'Servitude') {
    victim.forcedLabourIndustry =
      exploitation === 'Servitude' ? 'T_ActivitiesOfHouseholdsAsEmployers' : weighted(rnd, INDUSTRY);
  }
  if (exploitation === 'SexualExploitation') {
    victim.sexExploitationTypes = [
      weighted(rnd, [
        ['Prostitution', 70],
        ['PrivateSexualServices', 15],
        ['RemoteInteractiveServices', 10],
        ['Pornography', 5],
      ] as const),
    ];
  }
  const controls = new Set<THtcdsCode<'methodOfControl'>>();
  const nControls = 1 + Math.floor(rnd() * 4);
  while (controls.size < nControls) controls.add(weighted(rnd, CONTROL));
  victim.methodsOfControl = [...controls].sort();
  const recruitment = weighted(rnd, RECRUITMENT);
  victim.recruitmentMethods = [recruitment];
  if (recruitment === 'ThroughOnlineSocialNetworks' || recruitment === 'ThroughAnOnlineAdvertisement') {
    victim.recruitmentWebsites = [weighted(rnd, WEBSITES)];
  }
  victim.relationshipToTrafficker = weighted(rnd, [
    ['Acquainted', 50],
    ['Unaquainted', 35],
    ['Familial', 15],
  ] as const);
  victim.ageWhenTrafficked = Math.max(0, ageYears - Math.floor(rnd() * 3));
  if (rnd() < 0.6) victim.vulnerabilities = some(rnd, VULNERABILITIES, 1 + Math.floor(rnd() * 2));
  if (rnd() < 0.5) victim.perpetratorRoles = some(rnd, PERPETRATORS, 1 + Math.floor(rnd() * 2));
  victim.agreementToManagePersonalData = rnd() < 0.95;

  return {
    index: i,
    personIndex: personIndexOf(seed, i),
    openedMs,
    closedMs,
    updatedMs: Math.min(updatedMs, layout.untilMs),
    status,
    stage,
    region,
    assignee,
    closureReason,
    traffickingStatus,
    victim,
    exploitation,
    ageYears,
    version,
  };
}

export const femaleShareOf = (c: Pick<TSynthCase, 'exploitation'>): number => FEMALE_SHARE[c.exploitation];

// ---------------------------------------------------------------------------------------------
// Trafficking events

export type TSynthTraffickingEvent = {
  type: THtcdsCode<'traffickingEventType'>;
  date: string;
  country: string;
  region: TRegionCode | null;
  city: string | null;
};

const ORIGIN_CITY: Record<string, readonly string[]> = {
  UZB: CITIES.uz,
  KGZ: CITIES.ky,
  TJK: CITIES.tg,
  RUS: ['Москва', 'Новосибирск', 'Омск'],
  KAZ: CITIES.kk,
};

/** About a third of cases record the route: recruitment, sometimes transit, exploitation. */
export function synthTraffickingEvents(seed: number, c: TSynthCase, citizenship: string): TSynthTraffickingEvent[] {
  const rnd = streamOf(seed, c.index, STREAM.event);
  if (rnd() >= 0.33) return [];
  const exploitedMs = c.openedMs - (14 + rnd() * 400) * DAY;
  const recruitedMs = exploitedMs - (3 + rnd() * 60) * DAY;
  const events: TSynthTraffickingEvent[] = [
    {
      type: 'Recruitment',
      date: kzDay(recruitedMs),
      country: citizenship,
      region: citizenship === 'KAZ' ? weighted(rnd, REGION_OPTIONS) : null,
      city: pick(rnd, ORIGIN_CITY[citizenship] ?? CITIES.kk),
    },
  ];
  if (citizenship !== 'KAZ' && rnd() < 0.4) {
    events.push({
      type: 'Transit',
      date: kzDay(recruitedMs + (exploitedMs - recruitedMs) / 2),
      country: 'KAZ',
      region: 'turkistan',
      city: pick(rnd, ['Жетысай', 'Сарыағаш', 'Шымкент']),
    });
  }
  events.push({ type: 'Exploitation', date: kzDay(exploitedMs), country: 'KAZ', region: c.region, city: null });
  return events;
}

// ---------------------------------------------------------------------------------------------
// Hotline contacts

/** A contact's caller phone that is the case's person's own. */
export const PERSON_PHONE = 'person';

export type TSynthContact = {
  startedMs: number;
  channel: string;
  language: string | null;
  durationS: number | null;
  contactType: string;
  callerRole: string | null;
  topics: string[];
  callerRegion: TRegionCode | null;
  problemRegion: TRegionCode | null;
  urgency: string | null;
  notes: string | null;
  /** `PERSON_PHONE`: the case's person's phone; else another phone, or null: none */
  callerPhone: string | null;
  outcome: string | null;
  /** the contact that opened the case */
  intake: boolean;
  crisisResolvedMs: number | null;
};

const CHANNELS = [
  ['phone', 60],
  ['whatsapp', 15],
  ['telegram', 10],
  ['walk_in', 7],
  ['sms', 3],
  ['web_form', 3],
  ['email', 2],
] as const;
const TOPIC_WEIGHTS: Record<string, number> = {
  labour_rights: 20,
  wages: 16,
  documents: 14,
  trafficking_suspicion: 14,
  registration_permits: 10,
  violence: 8,
  missing_person: 4,
  citizenship: 4,
  health: 3,
  asylum_statelessness: 2,
  education: 1,
  other: 4,
};
const NOTES = [
  'Работодатель удерживает паспорт и не выплачивает зарплату третий месяц.',
  'Звонившая сообщает, что сестра не выходит на связь после отъезда на работу.',
  'Консультация по продлению регистрации и патента.',
  'Жалоба на условия проживания на стройке, работают без выходных.',
  'Жұмыс беруші құжаттарды қайтармайды, жалақы төленбеген.',
  'Просит помочь с возвращением домой, нет денег на билет.',
  'Повторный звонок: уточнил адрес приюта.',
] as const;

function topicsFor(rnd: TRnd, active: readonly string[]): string[] {
  if (active.length === 0) return [];
  const options = active.map((code) => [code, TOPIC_WEIGHTS[code] ?? 2] as const);
  const k = rnd() < 0.7 ? 1 : 2;
  const chosen = new Set<string>();
  for (let t = 0; t < 6 && chosen.size < k; t++) chosen.add(weighted(rnd, options));
  return [...chosen];
}

function languageOf(group: TNameGroup, rnd: TRnd): string {
  return group === 'ru' || rnd() < 0.45 ? 'rus' : LANGUAGE[group];
}

/**
 * The contacts of case c: the one that opened it (a day or two before) and, on average
 * `perCase - 1` more while it was open. With perCase 0, none.
 */
export function synthCaseContacts(
  seed: number,
  c: TSynthCase,
  group: TNameGroup,
  perCase: number,
  activeTopics: readonly string[],
  untilMs: number,
): TSynthContact[] {
  if (perCase <= 0) return [];
  const rnd = streamOf(seed, c.index, STREAM.contact);
  // whole part, and one more with the probability of the fraction; the first is the intake
  const n = Math.max(1, Math.floor(perCase) + (rnd() < perCase - Math.floor(perCase) ? 1 : 0));
  const out: TSynthContact[] = [];
  const endMs = c.closedMs ?? untilMs;
  for (let k = 0; k < n; k++) {
    const intake = k === 0;
    const startedMs = intake
      ? Math.floor(c.openedMs - rnd() * 2 * DAY)
      : Math.floor(c.openedMs + rnd() * Math.max(0, endMs - c.openedMs));
    const contactType = intake
      ? weighted(rnd, [
          ['trafficking_report', 50],
          ['consultation', 30],
          ['crisis', 15],
          ['referral_request', 5],
        ] as const)
      : weighted(rnd, [
          ['consultation', 60],
          ['information', 30],
          ['crisis', 5],
          ['referral_request', 5],
        ] as const);
    const role = weighted(rnd, [
      ['self', 60],
      ['relative', 25],
      ['professional', 10],
      ['witness', 5],
    ] as const);
    out.push({
      startedMs,
      channel: weighted(rnd, CHANNELS),
      language: languageOf(group, rnd),
      durationS: 60 + Math.floor(Math.pow(rnd(), 2) * 1800),
      contactType,
      callerRole: role,
      topics: topicsFor(rnd, activeTopics),
      callerRegion: c.region,
      problemRegion: c.region,
      urgency: contactType === 'crisis' ? 'emergency' : weighted(rnd, [['normal', 70], ['high', 20], ['low', 10]] as const),
      notes: rnd() < 0.35 ? pick(rnd, NOTES) : null,
      callerPhone: role === 'self' ? PERSON_PHONE : rnd() < 0.7 ? phoneFor(rnd, group) : null,
      outcome: intake ? 'case_opened' : weighted(rnd, [['information_given', 70], ['referred', 30]] as const),
      intake,
      crisisResolvedMs: contactType === 'crisis' ? startedMs + (1 + rnd() * 48) * 3_600_000 : null,
    });
  }
  return out.sort((a, b) => a.startedMs - b.startedMs);
}

/** A contact that opened no case: questions, silent calls, wrong numbers … */
export function synthStandaloneContact(
  seed: number,
  j: number,
  layout: TLayout,
  activeTopics: readonly string[],
): TSynthContact {
  const rnd = streamOf(seed, j, STREAM.standalone);
  const span = layout.years * 365.25 * DAY;
  const startedMs = Math.floor(layout.untilMs - span + growth(rnd()) * span);
  const contactType = weighted(rnd, [
    ['consultation', 30],
    ['information', 25],
    ['silent', 10],
    ['hang_up', 10],
    ['wrong_number', 8],
    ['referral_request', 5],
    ['crisis', 3],
    ['prank', 3],
    ['trafficking_report', 2],
    ['training_request', 2],
    ['abusive', 2],
  ] as const);
  const countOnly = ['silent', 'hang_up', 'wrong_number', 'prank', 'abusive'].includes(contactType);
  const group = weighted(rnd, GROUP_WEIGHTS);
  const region = weighted(rnd, REGION_OPTIONS);
  return {
    startedMs,
    channel: countOnly ? 'phone' : weighted(rnd, CHANNELS),
    language: countOnly ? null : languageOf(group, rnd),
    durationS: countOnly ? Math.floor(rnd() * 60) : 60 + Math.floor(Math.pow(rnd(), 2) * 1200),
    contactType,
    callerRole: countOnly ? null : weighted(rnd, [['self', 55], ['relative', 25], ['professional', 15], ['anonymous', 5]] as const),
    topics: countOnly ? [] : topicsFor(rnd, activeTopics),
    callerRegion: countOnly ? null : region,
    problemRegion: countOnly ? null : region,
    urgency: countOnly ? null : contactType === 'crisis' ? 'emergency' : 'normal',
    notes: !countOnly && rnd() < 0.25 ? pick(rnd, NOTES) : null,
    callerPhone: rnd() < (countOnly ? 0.5 : 0.7) ? phoneFor(rnd, group) : null,
    outcome: countOnly ? 'none' : weighted(rnd, [['information_given', 70], ['referred', 25], ['emergency_alerted', 5]] as const),
    intake: false,
    crisisResolvedMs: contactType === 'crisis' ? startedMs + (1 + rnd() * 48) * 3_600_000 : null,
  };
}
