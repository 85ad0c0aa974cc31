import type { TStaffLocale } from '../../shared/locales';
import type { TRegionCode } from '../../shared/regions';
import type { TOrganisationType, TRole } from '../../shared/roles';

// The demo instance: fictional organisations of a Kazakh referral network and one user per role.
// Every name here is invented; any likeness to a real person is a coincidence.

export const DEMO_PASSWORD = 'Senim-demo-2026!';

export type TDemoOrg = {
  key: 'crisis' | 'ngo' | 'police' | 'union' | 'state';
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
