// The order of the route: by date (undated last), then recruitment → transit → exploitation.
import { codesOf } from '../../../../shared/htcds/code-lists';
import type { TTraffickingEvent } from '../../../../shared/schemas/case-file';

const TYPE_ORDER = codesOf('traffickingEventType') as readonly string[];
export const TYPE_COLOURS = { Recruitment: 'blue', Transit: 'amber', Exploitation: 'red' } as const;

/** By date (undated last), then recruitment → transit → exploitation, then as recorded. */
export function sortEvents<T extends Pick<TTraffickingEvent, 'date' | 'type' | 'createdAt'>>(
  events: readonly T[],
): T[] {
  return [...events].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
