/**
 * Merging two records of one person, field by field, and undoing it. The merged record stays (with
 * merged_into set) so the merge can be undone; its cases and contacts move to the kept person. What
 * undo needs (the kept person's prior values, the ids moved) is sealed in person_merges.
 */
import { MERGE_FIELDS, type TMerge, type TMergeField } from '../../../shared/schemas/persons';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { HttpError, notFound } from '../../http/errors';
import { addCaseEvent } from '../cases/present-case';
import { PERSON_EXTRA_CONTEXT, PERSON_SEALED, replacePerson, type TPersonMore } from '../persons/insert-person';

type TValues = Record<TMergeField, string | null>;
const SEALED_FIELDS = Object.keys(PERSON_SEALED) as (keyof typeof PERSON_SEALED)[];
const CLEAR = { sex: 'sex', citizenship: 'citizenship', migrationStatus: 'migration_status' } as const;

/** A person's values: those a merge chooses between, and the rest, which a rewrite keeps as they are. */
type TLoaded = TValues & { merged_into: string | null; languages: string[]; more: TPersonMore };

async function loadValues(sdb: ScopedDb, sealer: Sealer, id: string): Promise<TLoaded> {
  const { rows } = await sdb.query<Record<string, unknown>>(
    `SELECT id, merged_into, sex, citizenship, migration_status, languages, extra_sealed, profile, age_years,
            age_stated_on::text AS age_stated_on, ${SEALED_FIELDS.map((k) => PERSON_SEALED[k][0]).join(', ')}
       FROM persons WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  if (!r) throw notFound('person', id);
  const extra = sealer.openNullable(r.extra_sealed as Uint8Array | null, PERSON_EXTRA_CONTEXT);
  const v = {
    merged_into: r.merged_into as string | null,
    languages: (r.languages as string[] | null) ?? [],
    more: {
      extra: extra === null ? {} : (JSON.parse(extra) as TPersonMore['extra']),
      profile: (r.profile as TPersonMore['profile'] | null) ?? {},
      ageYears: (r.age_years as number | null) ?? null,
      ageStatedOn: (r.age_stated_on as string | null) ?? null,
    },
  } as TLoaded;
  for (const k of SEALED_FIELDS) v[k] = sealer.openNullable(r[PERSON_SEALED[k][0]] as Uint8Array | null, PERSON_SEALED[k][1]);
  for (const [k, col] of Object.entries(CLEAR)) v[k as keyof typeof CLEAR] = (r[col] as string | null) ?? null;
  return v;
}

/**
 * Rewrites a person's identity with `v` through replacePerson (sealed values, blind indexes, name
 * tokens, linkage encodings); what a merge does not choose (languages, further HTCDS fields, age)
 * is written back as it was, never cleared.
 */
async function writeValues(sdb: ScopedDb, sealer: Sealer, id: string, v: TValues, rest: Pick<TLoaded, 'languages' | 'more'>): Promise<void> {
  const p: Record<string, unknown> = { languages: rest.languages };
  for (const f of MERGE_FIELDS) if (v[f] !== null) p[f] = v[f];
  await replacePerson(sdb, sealer, id, p, rest.more);
}

type TMergeRow = {
  id: string;
  kept_person_id: string;
  merged_person_id: string;
  fields: string[];
  undo_sealed: Uint8Array;
  merged_at: Date;
  undone_at: Date | null;
};
type TUndo = { kept: TValues; cases: string[]; contacts: string[] };

function present(r: TMergeRow, moved: { cases: number; contacts: number }): TMerge {
  return {
    id: r.id,
    keptPersonId: r.kept_person_id,
    mergedPersonId: r.merged_person_id,
    fields: r.fields,
    movedCases: moved.cases,
    movedContacts: moved.contacts,
    mergedAt: r.merged_at.toISOString(),
    undoneAt: r.undone_at?.toISOString() ?? null,
  };
}

const ordered = (a: string, b: string) => (a < b ? [a, b] : [b, a]);

export async function mergePersons(sdb: ScopedDb, sealer: Sealer, keepId: string, mergeId: string, take: readonly TMergeField[]): Promise<TMerge> {
  // Lock in id order so two opposite merges cannot deadlock.
  const [first, second] = ordered(keepId, mergeId);
  const a = await loadValues(sdb, sealer, first!);
  const b = await loadValues(sdb, sealer, second!);
  const kept = first === keepId ? a : b;
  const merged = first === keepId ? b : a;
  if (kept.merged_into || merged.merged_into) throw new HttpError(409, 'error.personAlreadyMerged');
  const next = {} as TValues;
  for (const f of MERGE_FIELDS) next[f] = take.includes(f) ? merged[f] : kept[f];
  const prior = {} as TValues;
  for (const f of MERGE_FIELDS) prior[f] = kept[f];
  await writeValues(sdb, sealer, keepId, next, kept);
  const { rows: cases } = await sdb.query<{ id: string }>(
    'UPDATE cases SET person_id = $1, updated_at = now(), version = version + 1 WHERE person_id = $2 RETURNING id',
    [keepId, mergeId],
  );
  const { rows: contacts } = await sdb.query<{ id: string }>('UPDATE contacts SET person_id = $1 WHERE person_id = $2 RETURNING id', [
    keepId,
    mergeId,
  ]);
  await sdb.query('UPDATE persons SET merged_into = $1, updated_at = now(), version = version + 1 WHERE id = $2', [keepId, mergeId]);
  await sdb.query('DELETE FROM person_link_keys WHERE org_id = $1 AND person_id = $2', [sdb.actor.orgId, mergeId]);
  const [pa, pb] = ordered(keepId, mergeId);
  await sdb.query(
    `UPDATE duplicate_candidates SET state = 'merged', decided_by = $3, decided_at = now() WHERE person_a = $1 AND person_b = $2`,
    [pa, pb, sdb.actor.userId],
  );
  const undo: TUndo = { kept: prior, cases: cases.map((c) => c.id), contacts: contacts.map((c) => c.id) };
  const { rows } = await sdb.query<TMergeRow>(
    `INSERT INTO person_merges (org_id, kept_person_id, merged_person_id, fields, undo_sealed, merged_by)
     VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING id, kept_person_id, merged_person_id, fields, undo_sealed, merged_at, undone_at`,
    [sdb.actor.orgId, keepId, mergeId, [...take], sealer.seal(JSON.stringify(undo), 'person_merges.undo'), sdb.actor.userId],
  );
  const row = rows[0]!;
  const { rows: keptCases } = await sdb.query<{ id: string }>('SELECT id FROM cases WHERE person_id = $1', [keepId]);
  for (const c of keptCases) {
    await addCaseEvent(sdb, c.id, 'personMerged', { mergeId: row.id, keptPersonId: keepId, mergedPersonId: mergeId, fields: [...take] });
  }
  sdb.audit({
    action: 'person.merged',
    outcome: 'success',
    targetType: 'person',
    targetId: keepId,
    details: { mergedPersonId: mergeId, mergeId: row.id, fields: [...take], cases: cases.length, contacts: contacts.length },
  });
  return present(row, { cases: cases.length, contacts: contacts.length });
}

export async function undoMerge(sdb: ScopedDb, sealer: Sealer, mergeId: string): Promise<TMerge> {
  const { rows } = await sdb.query<TMergeRow>(
    `SELECT id, kept_person_id, merged_person_id, fields, undo_sealed, merged_at, undone_at FROM person_merges WHERE id = $1 FOR UPDATE`,
    [mergeId],
  );
  const m = rows[0];
  if (!m) throw notFound('merge', mergeId);
  if (m.undone_at) throw new HttpError(409, 'error.mergeAlreadyUndone');
  // A later merge into the same person must be undone first: undo in reverse order.
  const { rows: later } = await sdb.query(
    `SELECT 1 FROM person_merges WHERE kept_person_id = $1 AND id <> $2 AND undone_at IS NULL
        AND merged_at >= (SELECT merged_at FROM person_merges WHERE id = $2) LIMIT 1`,
    [m.kept_person_id, m.id],
  );
  if (later[0]) throw new HttpError(409, 'error.mergeNotLatest');
  const undo = JSON.parse(sealer.open(m.undo_sealed, 'person_merges.undo')) as TUndo;
  const kept = await loadValues(sdb, sealer, m.kept_person_id);
  const merged = await loadValues(sdb, sealer, m.merged_person_id);
  await writeValues(sdb, sealer, m.kept_person_id, undo.kept, kept);
  await sdb.query('UPDATE persons SET merged_into = NULL, updated_at = now(), version = version + 1 WHERE id = $1', [m.merged_person_id]);
  await writeValues(sdb, sealer, m.merged_person_id, merged, merged);
  const { rows: cases } = await sdb.query<{ id: string }>(
    'UPDATE cases SET person_id = $1, updated_at = now(), version = version + 1 WHERE id = ANY($2::uuid[]) AND person_id = $3 RETURNING id',
    [m.merged_person_id, undo.cases, m.kept_person_id],
  );
  const { rows: contacts } = await sdb.query<{ id: string }>(
    'UPDATE contacts SET person_id = $1 WHERE id = ANY($2::uuid[]) AND person_id = $3 RETURNING id',
    [m.merged_person_id, undo.contacts, m.kept_person_id],
  );
  const [pa, pb] = ordered(m.kept_person_id, m.merged_person_id);
  await sdb.query(
    `UPDATE duplicate_candidates SET state = 'open', decided_by = NULL, decided_at = NULL WHERE person_a = $1 AND person_b = $2 AND state = 'merged'`,
    [pa, pb],
  );
  const { rows: done } = await sdb.query<TMergeRow>(
    `UPDATE person_merges SET undone_at = now(), undone_by = $2 WHERE id = $1
     RETURNING id, kept_person_id, merged_person_id, fields, undo_sealed, merged_at, undone_at`,
    [mergeId, sdb.actor.userId],
  );
  const { rows: allCases } = await sdb.query<{ id: string }>('SELECT id FROM cases WHERE person_id = ANY($1::uuid[])', [
    [m.kept_person_id, m.merged_person_id],
  ]);
  for (const c of allCases) await addCaseEvent(sdb, c.id, 'personMergeUndone', { mergeId });
  sdb.audit({
    action: 'person.mergeUndone',
    outcome: 'success',
    targetType: 'person',
    targetId: m.kept_person_id,
    details: { mergeId, mergedPersonId: m.merged_person_id, cases: cases.length, contacts: contacts.length },
  });
  return present(done[0]!, { cases: cases.length, contacts: contacts.length });
}
