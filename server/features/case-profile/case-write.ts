import type { TAuditEvent } from '../../../shared/audit-events';
import type { TStaffLocale } from '../../../shared/locales';
import type { TAction } from '../../../shared/roles';
import { CLOSED_STATUSES } from '../../../shared/schemas/cases';
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Queryable } from '../../db/types';
import type { TCtx } from '../../http/context';
import { HttpError } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { caseConflict } from '../cases/case-errors';
import {
  addCaseEvent,
  CASE_COLUMNS,
  getScopedCase,
  loadCaseDetail,
  presentCase,
  type TCaseRow,
} from '../cases/present-case';

/**
 * The fields (and sections) saved since `version`, from the case timeline: every entry that made a
 * new version of the case records it with the fields it changed (`payload.version`, `payload.fields`),
 * whatever its kind (the case's own fields, its profile sections, workflow steps).
 */
export async function changedSince(db: Queryable, caseId: string, version: number): Promise<string[]> {
  const { rows } = await db.query<{ field: string }>(
    `SELECT DISTINCT jsonb_array_elements_text(payload->'fields') AS field FROM case_events
      WHERE case_id = $1 AND jsonb_typeof(payload->'fields') = 'array'
        AND (CASE WHEN jsonb_typeof(payload->'version') = 'number' THEN (payload->>'version')::numeric END) > $2
      ORDER BY 1`,
    [caseId, version],
  );
  return rows.map((r) => r.field);
}

export const isClosedCase = (row: Pick<TCaseRow, 'status' | 'stage'>): boolean =>
  (CLOSED_STATUSES as readonly string[]).includes(row.status) || row.stage === 'closed';

/** 409: nothing of a closed case's file changes (audited as a failure of the write refused). */
export const caseClosed = (action: TAuditEvent, caseId: string): HttpError =>
  new HttpError(409, 'caseFile.error.caseClosed', {}, {
    action,
    outcome: 'failure',
    targetType: 'case',
    targetId: caseId,
    details: { reason: 'caseClosed' },
  });

/**
 * The case, locked for a write of its profile, after the checks every such write makes, in the order
 * of the deny ladder: another organisation's case is not found (404); the role must hold
 * case.update and what else the write needs (403); a closed case is not changed (409, unless
 * `allowClosed`); a stale `version` gets 409 naming what was changed since.
 */
export async function openCaseForWrite(
  sdb: ScopedDb,
  locale: TStaffLocale,
  caseId: string,
  opts: { audit: TAuditEvent; needs?: readonly TAction[]; version?: number; allowClosed?: boolean },
): Promise<TCaseRow> {
  const row = await getScopedCase(sdb, caseId, true);
  const target = { type: 'case', id: caseId };
  assertCan(sdb.actor, 'case.update', target);
  for (const action of opts.needs ?? []) assertCan(sdb.actor, action, target);
  if (!opts.allowClosed && isClosedCase(row)) throw caseClosed(opts.audit, caseId);
  if (opts.version !== undefined && opts.version !== row.version) {
    throw caseConflict(locale, caseId, await changedSince(sdb, caseId, opts.version), row.version, opts.audit);
  }
  return row;
}

/**
 * A record added to the case's file by a POST that may carry an Idempotency-Key (a trafficking
 * event, a consent): the checks of openCaseForWrite (404, 403), then `insert` once per key, ended by
 * the caller with commitCaseWrite. A closed case is refused inside, so that a replay after the case
 * was closed still answers with the case. The answer, first or replayed, is the whole case; a replay
 * writes nothing and is audited as a read of the case.
 */
export async function addToCaseFile(
  c: TCtx,
  sdb: ScopedDb,
  caseId: string,
  opts: { audit: TAuditEvent; needs?: readonly TAction[]; key: string | undefined; request: unknown },
  insert: () => Promise<void>,
) {
  const row = await openCaseForWrite(sdb, c.var.locale, caseId, {
    audit: opts.audit,
    ...(opts.needs ? { needs: opts.needs } : {}),
    allowClosed: true,
  });
  return idempotent(c, sdb, {
    key: opts.key,
    request: opts.request,
    replayAudit: {
      action: 'case.read',
      outcome: 'success',
      targetType: 'case',
      targetId: caseId,
      details: { identity: can(sdb.actor, 'case.readIdentity'), sensitive: can(sdb.actor, 'case.readSensitive') },
    },
    perform: async () => {
      if (isClosedCase(row)) throw caseClosed(opts.audit, caseId);
      await insert();
      return { caseId };
    },
    present: async () => {
      const saved = await getScopedCase(sdb, caseId);
      return presentCase(sdb.actor, c.var.deps.sealer, saved, await loadCaseDetail(sdb, saved));
    },
  });
}

/**
 * Ends a write of the case's profile: a new version of the case, an entry on its timeline (ids,
 * codes and field names only, with the version and fields for changedSince) and an audit row.
 */
export async function commitCaseWrite(
  sdb: ScopedDb,
  caseId: string,
  w: {
    kind: TCaseEventKind;
    audit: TAuditEvent;
    fields: string[];
    /** ids and codes: on the timeline and in the audit row */
    payload?: Record<string, unknown>;
    /** more for the audit row only */
    details?: Record<string, unknown>;
  },
): Promise<TCaseRow> {
  const { rows } = await sdb.query<TCaseRow>(
    `UPDATE cases SET updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${CASE_COLUMNS}`,
    [caseId],
  );
  const row = rows[0]!;
  await addCaseEvent(sdb, caseId, w.kind, { ...w.payload, fields: w.fields, version: row.version });
  sdb.audit({
    action: w.audit,
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { ...w.payload, ...w.details, fields: w.fields, version: row.version },
  });
  return row;
}

/** A stable text of a JSON value (keys sorted), to compare stored and sent values. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Absent, null and an empty list are one value: nothing. */
const orNothing = (v: unknown) => (v === undefined || (Array.isArray(v) && v.length === 0) ? null : v);

/** The keys whose values differ between two objects (absent, null and [] are the same), prefixed. */
export function changedKeys(
  prefix: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => canonical(orNothing(before[k])) !== canonical(orNothing(after[k])))
    .map((k) => `${prefix}${k}`);
}
