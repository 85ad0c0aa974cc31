import type { TStaffLocale } from '../../shared/locales';
import type { TRegionCode } from '../../shared/regions';
import type { TOrganisationType, TRole } from '../../shared/roles';
import type { z } from 'zod';
import type { ZMemorandumInput, ZPartnerProfileInput } from '../../shared/schemas/partners';

// The demo instance: fictional organisations of a Kazakh referral network and one user per role.
// Every name here is invented; any likeness to a real person is a coincidence.

export const DEMO_PASSWORD = 'Senim-demo-2026!';

export type TDemoOrg = {
  key: 'crisis' | 'ngo' | 'police' | 'union' | 'state' | 'unionOffline';
  name: string;
  type: TOrganisationType;
  region: TRegionCode;
  isNetworkCoordinator: boolean;
};

export const DEMO_ORGS: readonly TDemoOrg[] = [
  {
    key: 'crisis',
    name: 'Кризисный центр «Сенім» — горячая линия 11616',
    type: 'crisis_centre',
    region: 'astana',
    isNetworkCoordinator: true,
  },
  { key: 'ngo', name: 'Общественный фонд «Көмек қолы»', type: 'ngo', region: 'shymkent', isNetworkCoordinator: false },
  {
    key: 'police',
    name: 'Департамент полиции Туркестанской области',
    type: 'police',
    region: 'turkistan',
    isNetworkCoordinator: false,
  },
  {
    key: 'union',
    name: 'Профсоюз работников строительства «Құрылысшы»',
    type: 'trade_union',
    region: 'karaganda',
    isNetworkCoordinator: false,
  },
  {
    key: 'state',
    name: 'Управление занятости и социальных программ Мангистауской области',
    type: 'state_body',
    region: 'mangystau',
    isNetworkCoordinator: false,
  },
  // A partner that never logs in: it receives referral letters (no users).
  {
    key: 'unionOffline',
    name: 'Профсоюз работников строительства Туркестанской области',
    type: 'trade_union',
    region: 'turkistan',
    isNetworkCoordinator: false,
  },
];

export type TDemoUser = {
  email: string;
  org: TDemoOrg['key'];
  roles: readonly TRole[];
  fullName: string;
  locale: TStaffLocale;
  note?: string;
};

export const DEMO_USERS: readonly TDemoUser[] = [
  { email: 'admin@crisis.demo', org: 'crisis', roles: ['admin'], fullName: 'Айгерім Серікқызы Жұмабаева', locale: 'kk', note: 'network administrator' },
  { email: 'operator@crisis.demo', org: 'crisis', roles: ['operator'], fullName: 'Дана Маратовна Ахметова', locale: 'ru' },
  { email: 'supervisor@crisis.demo', org: 'crisis', roles: ['supervisor'], fullName: 'Ерлан Болатұлы Қасымов', locale: 'kk' },
  { email: 'caseworker@crisis.demo', org: 'crisis', roles: ['case_worker'], fullName: 'Сәуле Ғаниқызы Нұрланова', locale: 'ru' },
  { email: 'analyst@crisis.demo', org: 'crisis', roles: ['analyst'], fullName: 'Мадина Нурлановна Омарова', locale: 'ru' },
  { email: 'caseworker@ngo.demo', org: 'ngo', roles: ['case_worker'], fullName: 'Гүлнара Ержанқызы Сейтқазиева', locale: 'kk' },
  { email: 'supervisor@ngo.demo', org: 'ngo', roles: ['supervisor'], fullName: 'Бахыт Амангелдіұлы Исаев', locale: 'ru' },
  { email: 'admin@ngo.demo', org: 'ngo', roles: ['admin'], fullName: 'Асель Кайратовна Бекова', locale: 'ru' },
  { email: 'officer@police.demo', org: 'police', roles: ['partner_officer'], fullName: 'Нуржан Серикович Абенов', locale: 'ru' },
  { email: 'officer@union.demo', org: 'union', roles: ['partner_officer'], fullName: 'Олег Викторович Ким', locale: 'ru' },
  { email: 'officer@state.demo', org: 'state', roles: ['partner_officer'], fullName: 'Жанар Ермекқызы Төлеуова', locale: 'kk' },
];

/** Every demo organisation's entry in the partner directory: approved, published. */
export type TDemoPartner = { org: TDemoOrg['key']; usesSenim: boolean; profile: z.input<typeof ZPartnerProfileInput> };

const ALL_FIELDS = ['type', 'description', 'regions', 'services', 'languages', 'contactPoints', 'hours', 'website'] as const;

export const DEMO_PARTNERS: readonly TDemoPartner[] = [
  {
    org: 'crisis',
    usesSenim: true,
    profile: {
      partnerType: 'CrisisCentre',
      names: {
        ru: 'Кризисный центр «Сенім»',
        kk: '«Сенім» дағдарыс орталығы',
        en: 'Senim Crisis Centre',
      },
      descriptions: {
        ru: 'Круглосуточная горячая линия 11616 по вопросам миграции и торговли людьми, приют и сопровождение пострадавших.',
        kk: 'Көші-қон және адам саудасы мәселелері бойынша тәулік бойы 11616 жедел желісі, баспана және зардап шеккендерді сүйемелдеу.',
        en: 'The round-the-clock 11616 hotline on migration and trafficking, a shelter and support for survivors.',
      },
      regions: ['astana', 'akmola', 'karaganda', 'almaty', 'shymkent'],
      services: ['hotline', 'shelter', 'psychological', 'legal_aid'],
      languages: ['kk', 'ru', 'uz', 'ky', 'tg', 'en'],
      contactPoints: [
        { label: 'Горячая линия', phone: '11616' },
        { label: 'Приёмная', email: 'info@crisis.example.org', address: 'г. Астана, ул. Примерная, 1' },
      ],
      hours: 'Горячая линия — круглосуточно; приёмная — пн–пт 9:00–18:00',
      website: 'https://crisis.example.org',
      letterLanguage: 'kk',
      notifyEmail: 'referrals@crisis.example.org',
      published: true,
      publishedFields: [...ALL_FIELDS],
    },
  },
  {
    org: 'ngo',
    usesSenim: true,
    profile: {
      partnerType: 'NGO',
      names: { ru: 'Общественный фонд «Көмек қолы»', kk: '«Көмек қолы» қоғамдық қоры', en: 'Komek Qoly Public Foundation' },
      descriptions: {
        ru: 'Юридическая и психологическая помощь трудовым мигрантам и пострадавшим, реинтеграция.',
        kk: 'Еңбек мигранттары мен зардап шеккендерге заң және психологиялық көмек, реинтеграция.',
        en: 'Legal and psychological help for labour migrants and survivors; reintegration.',
      },
      regions: ['shymkent', 'turkistan', 'jambyl'],
      services: ['legal_aid', 'psychological', 'reintegration'],
      languages: ['kk', 'ru', 'uz', 'tg'],
      contactPoints: [{ label: 'Офис фонда', phone: '+7 7252 00 00 00', email: 'office@komek.example.org', address: 'г. Шымкент, пр. Примерный, 10' }],
      hours: 'пн–сб 9:00–19:00',
      website: 'https://komek.example.org',
      letterLanguage: 'ru',
      notifyEmail: 'referrals@komek.example.org',
      published: true,
      publishedFields: [...ALL_FIELDS],
    },
  },
  {
    org: 'police',
    usesSenim: true,
    profile: {
      partnerType: 'LawEnforcement',
      names: {
        ru: 'Департамент полиции Туркестанской области',
        kk: 'Түркістан облысының полиция департаменті',
        en: 'Turkistan Region Police Department',
      },
      descriptions: {
        ru: 'Расследование преступлений, связанных с торговлей людьми и принудительным трудом.',
        kk: 'Адам саудасы мен мәжбүрлі еңбекке байланысты қылмыстарды тергеу.',
        en: 'Investigates trafficking in persons and forced labour.',
      },
      regions: ['turkistan'],
      services: ['criminal_investigation'],
      languages: ['kk', 'ru'],
      contactPoints: [{ label: 'Дежурная часть', phone: '102' }],
      hours: 'круглосуточно',
      letterLanguage: 'ru',
      notifyEmail: 'duty@police-turkistan.example.org',
      published: true,
      publishedFields: ['type', 'description', 'regions', 'services', 'languages', 'contactPoints', 'hours'],
    },
  },
  {
    org: 'union',
    usesSenim: true,
    profile: {
      partnerType: 'TradeUnion',
      names: {
        ru: 'Профсоюз работников строительства «Құрылысшы»',
        kk: '«Құрылысшы» құрылыс жұмысшыларының кәсіподағы',
        en: 'Qurylysshy Construction Workers’ Union',
      },
      descriptions: {
        ru: 'Защита трудовых прав строителей, в том числе мигрантов: проверки условий труда, правовая помощь, трудоустройство.',
        kk: 'Құрылысшылардың, соның ішінде мигранттардың еңбек құқықтарын қорғау: еңбек жағдайын тексеру, құқықтық көмек, жұмысқа орналастыру.',
        en: 'Protects the labour rights of construction workers, migrants included: workplace checks, legal help, employment.',
      },
      regions: ['karaganda', 'ulytau'],
      services: ['labour_inspection', 'legal_aid', 'employment'],
      languages: ['kk', 'ru'],
      contactPoints: [{ label: 'Приёмная профсоюза', phone: '+7 7212 00 00 00', email: 'priem@qurylysshy.example.org' }],
      hours: 'пн–пт 9:00–18:00',
      letterLanguage: 'ru',
      notifyEmail: 'priem@qurylysshy.example.org',
      published: true,
      publishedFields: [...ALL_FIELDS],
    },
  },
  {
    org: 'state',
    usesSenim: true,
    profile: {
      partnerType: 'LocalGovernmentOrganisation',
      names: {
        ru: 'Управление занятости и социальных программ Мангистауской области',
        kk: 'Маңғыстау облысының жұмыспен қамту және әлеуметтік бағдарламалар басқармасы',
        en: 'Mangystau Region Department of Employment and Social Programmes',
      },
      descriptions: {
        ru: 'Миграционный статус, восстановление документов, социальная поддержка.',
        kk: 'Көші-қон мәртебесі, құжаттарды қалпына келтіру, әлеуметтік қолдау.',
        en: 'Migration status, replacing documents, social support.',
      },
      regions: ['mangystau'],
      services: ['migration_status', 'documents'],
      languages: ['kk', 'ru'],
      contactPoints: [{ label: 'Канцелярия', email: 'kense@mangystau.example.org', address: 'г. Актау, микрорайон 1, здание 1' }],
      hours: 'пн–пт 9:00–18:30',
      letterLanguage: 'kk',
      notifyEmail: 'kense@mangystau.example.org',
      published: true,
      publishedFields: ['type', 'description', 'regions', 'services', 'languages', 'contactPoints', 'hours'],
    },
  },
  {
    org: 'unionOffline',
    usesSenim: false,
    profile: {
      partnerType: 'TradeUnion',
      names: {
        ru: 'Профсоюз работников строительства Туркестанской области',
        kk: 'Түркістан облысы құрылыс жұмысшыларының кәсіподағы',
        en: 'Turkistan Region Construction Workers’ Union',
      },
      descriptions: {
        ru: 'Принимает обращения письмом: трудовые споры на стройках, невыплата зарплаты, проверки работодателей.',
        kk: 'Өтініштерді хат арқылы қабылдайды: құрылыстағы еңбек даулары, жалақының төленбеуі, жұмыс берушілерді тексеру.',
        en: 'Takes referrals by letter: labour disputes on building sites, unpaid wages, checks of employers.',
      },
      regions: ['turkistan', 'shymkent'],
      services: ['labour_inspection', 'legal_aid', 'employment'],
      languages: ['kk', 'ru', 'uz'],
      contactPoints: [{ label: 'Приёмная', address: 'г. Туркестан, ул. Примерная, 5' }],
      hours: 'пн–пт 9:00–18:00',
      letterLanguage: 'ru',
      notifyEmail: 'kanc@stroyprof-turkistan.example.org',
      published: true,
      publishedFields: ['type', 'description', 'regions', 'services', 'languages'],
    },
  },
];

/** The memorandum every demo organisation signed. */
export const DEMO_MEMORANDUM: Omit<z.input<typeof ZMemorandumInput>, 'memberOrgIds'> = {
  titles: {
    ru: 'Меморандум о сотрудничестве в защите прав трудовых мигрантов и противодействии торговле людьми',
    kk: 'Еңбек мигранттарының құқықтарын қорғау және адам саудасына қарсы іс-қимыл саласындағы ынтымақтастық туралы меморандум',
    en: 'Memorandum of cooperation on protecting labour migrants’ rights and countering trafficking in persons',
  },
  scopes: {
    ru: 'Стороны передают друг другу обращения мигрантов по своей компетенции и сообщают о результатах.',
    kk: 'Тараптар мигранттардың өтініштерін өз құзыреті бойынша бір-біріне жібереді және нәтижесі туралы хабарлайды.',
    en: 'The parties refer migrants’ appeals to each other within their remit and report back on the outcome.',
  },
  signedOn: '2025-03-14',
};
