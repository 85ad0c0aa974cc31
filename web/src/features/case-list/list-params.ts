// The case list's filters live in the URL (a link or the back button brings them back): read them
// leniently (a value that is not valid is left out) and write only what is set.
import { ZCaseStatus } from '../../../../shared/htcds/code-lists';
import { REGION_CODES } from '../../../../shared/regions';
import { CASE_SORTS } from '../../../../shared/schemas/cases';
import type { TCaseListParams } from '../../api/cases';

export const CASE_LIST_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type TCaseListFilters = {
  q: string;
  status: string;
  region: string;
  /** '' anyone, 'me', or a user id */
  assigned: string;
  openedFrom: string;
  openedTo: string;
  sort: string;
  page: number;
};

export const EMPTY_FILTERS: TCaseListFilters = {
  q: '',
  status: '',
  region: '',
  assigned: '',
  openedFrom: '',
  openedTo: '',
  sort: '-openedAt',
  page: 1,
};

const oneOf = (value: string | null, allowed: readonly string[]) =>
  value && allowed.includes(value) ? value : '';

export function readFilters(params: URLSearchParams): TCaseListFilters {
  const assigned = params.get('assigned') ?? '';
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    q: (params.get('q') ?? '').trim(),
    status: oneOf(params.get('status'), ZCaseStatus.options),
    region: oneOf(params.get('region'), REGION_CODES),
    assigned: assigned === 'me' || UUID.test(assigned) ? assigned : '',
    openedFrom: day('openedFrom'),
    openedTo: day('openedTo'),
    sort: oneOf(params.get('sort'), CASE_SORTS) || EMPTY_FILTERS.sort,
    page: Math.min(100_000, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
  };
}

export function writeFilters(f: TCaseListFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['q', 'status', 'region', 'assigned', 'openedFrom', 'openedTo'] as const) {
    const v = f[key].trim();
    if (v) out.set(key, v);
  }
  if (f.sort && f.sort !== EMPTY_FILTERS.sort) out.set('sort', f.sort);
  if (f.page > 1) out.set('page', String(f.page));
  return out;
}

/** True when anything narrows the list (a search or a filter). */
export const isFiltered = (f: TCaseListFilters): boolean =>
  Boolean(f.q || f.status || f.region || f.assigned || f.openedFrom || f.openedTo);

export function toListParams(f: TCaseListFilters): TCaseListParams {
  const set = <T extends string>(v: string) => (v ? (v as T) : undefined);
  return {
    q: set(f.q),
    status: set<NonNullable<TCaseListParams['status']>>(f.status),
    region: set<NonNullable<TCaseListParams['region']>>(f.region),
    assigned: set<NonNullable<TCaseListParams['assigned']>>(f.assigned),
    openedFrom: set(f.openedFrom),
    openedTo: set(f.openedTo),
    sort: set<NonNullable<TCaseListParams['sort']>>(f.sort),
    page: f.page,
    pageSize: CASE_LIST_PAGE_SIZE,
  };
}

/** The number of pages; a capped total shows the pages it counted. */
export const pageCount = (total: number, pageSize = CASE_LIST_PAGE_SIZE): number =>
  Math.max(1, Math.ceil(total / pageSize));
